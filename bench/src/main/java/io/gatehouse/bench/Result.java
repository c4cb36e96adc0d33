package io.gatehouse.bench;

import java.util.Locale;

/**
 * One measured load.
 *
 * @param label        what ran, such as {@code gatehouse fast sign-in}
 * @param perSecond    completed requests per second in the measured window
 * @param p50Ms        median latency
 * @param p99Ms        99th percentile latency
 * @param errors       failed requests (warm-up included)
 * @param serverCpuMs  the server process's CPU time per completed request, or NaN when it was not watched
 * @param driverCpuMs  the load driver's own CPU time per completed request (it shares the cores), or NaN
 * @param upstreamCpuMs the upstream IdP's CPU time per completed request, for sign-ins through one (a process of
 *                      its own on the same cores), or a trigger's webhook receiver's (triggers.sh), or NaN
 */
record Result(String label, int clients, double perSecond, double p50Ms, double p99Ms, long errors,
              double serverCpuMs, double driverCpuMs, double upstreamCpuMs) {

    Result(String label, int clients, double perSecond, double p50Ms, double p99Ms, long errors, double serverCpuMs,
           double driverCpuMs) {
        this(label, clients, perSecond, p50Ms, p99Ms, errors, serverCpuMs, driverCpuMs, Double.NaN);
    }

    Result(String label, int clients, double perSecond, double p50Ms, double p99Ms, long errors, double serverCpuMs) {
        this(label, clients, perSecond, p50Ms, p99Ms, errors, serverCpuMs, Double.NaN);
    }

    String line() {
        return String.format(Locale.ROOT, "%-36s %3d clients %8.1f /s  p50 %7.2f ms  p99 %7.2f ms  cpu %6.2f ms/req"
                + "  driver %5.2f%s  errors %d", label, clients, perSecond, p50Ms, p99Ms, serverCpuMs, driverCpuMs,
                Double.isNaN(upstreamCpuMs) ? "" : String.format(Locale.ROOT, "  %s %5.2f",
                        label.contains(" trigger-") ? "webhook receiver"
                        : label.startsWith("scaling ") ? "database" : "upstream IdP", upstreamCpuMs),
                errors);
    }

    String tsv() {
        return String.format(Locale.ROOT, "%s\t%d\t%.1f\t%.2f\t%.2f\t%.2f\t%d\t%.2f\t%.2f", label, clients,
                perSecond, p50Ms, p99Ms, serverCpuMs, errors, driverCpuMs, upstreamCpuMs);
    }

    /**
     * A line of {@link #tsv}; files written before the driver's CPU was recorded have seven fields, before the
     * upstream IdP's eight.
     */
    static Result fromTsv(String line) {
        String[] f = line.split("\t");
        return new Result(f[0], Integer.parseInt(f[1]), Double.parseDouble(f[2]), Double.parseDouble(f[3]),
                Double.parseDouble(f[4]), Long.parseLong(f[6]), Double.parseDouble(f[5]),
                f.length > 7 ? Double.parseDouble(f[7]) : Double.NaN,
                f.length > 8 ? Double.parseDouble(f[8]) : Double.NaN);
    }
}
