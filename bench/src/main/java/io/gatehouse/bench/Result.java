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
 */
record Result(String label, int clients, double perSecond, double p50Ms, double p99Ms, long errors,
              double serverCpuMs) {

    String line() {
        return String.format(Locale.ROOT, "%-36s %3d clients %8.1f /s  p50 %7.2f ms  p99 %7.2f ms  cpu %6.2f ms/req"
                + "  errors %d", label, clients, perSecond, p50Ms, p99Ms, serverCpuMs, errors);
    }

    String tsv() {
        return String.format(Locale.ROOT, "%s\t%d\t%.1f\t%.2f\t%.2f\t%.2f\t%d", label, clients, perSecond, p50Ms,
                p99Ms, serverCpuMs, errors);
    }

    static Result fromTsv(String line) {
        String[] f = line.split("\t");
        return new Result(f[0], Integer.parseInt(f[1]), Double.parseDouble(f[2]), Double.parseDouble(f[3]),
                Double.parseDouble(f[4]), Long.parseLong(f[6]), Double.parseDouble(f[5]));
    }
}
