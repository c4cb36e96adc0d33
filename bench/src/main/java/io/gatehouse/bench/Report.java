package io.gatehouse.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.DoubleSummaryStatistics;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The results of one run as the targets are stated: the median of each point over its rounds, and the ratios
 * against Keycloak and against the hash alone.
 */
final class Report {

    /** The label of the SRP bound's result line (SrpCost). */
    static final String SRP_BOUND = "srp server math alone";
    private static final Pattern SERVER_CORES = Pattern.compile(" on (\\d+) cores? ");

    private Report() {
    }

    static void print(Path file) throws IOException {
        List<Result> inOrder = Files.readAllLines(file).stream().filter(l -> !l.isBlank()).map(Result::fromTsv)
                .toList();
        Map<String, List<Result>> points = inOrder.stream()
                .collect(Collectors.groupingBy(r -> r.label() + "\t" + r.clients(), LinkedHashMap::new,
                        Collectors.toList()));
        List<Result> medians = points.values().stream().map(Report::median).toList();
        System.out.println("== medians (rounds; range of the rate)");
        points.values().forEach(rounds -> {
            Result m = median(rounds);
            System.out.printf(Locale.ROOT, "%s  (%d; %.0f-%.0f/s)%n", m.line(), rounds.size(),
                    rounds.stream().mapToDouble(Result::perSecond).min().orElse(Double.NaN),
                    rounds.stream().mapToDouble(Result::perSecond).max().orElse(Double.NaN));
        });

        // Each section only when the run measured what it sets side by side (mfa.sh and federation.sh measure
        // other flows).
        if (any(medians, "keycloak fast sign-in", "keycloak fast refresh")) {
            System.out.println("== Gatehouse / Keycloak, cheapest hash (target: at least 3x)");
            for (String flow : List.of("sign-in", "refresh")) {
                for (int clients : List.of(8, 32)) {
                    ratio(medians, "gatehouse fast " + flow, "keycloak fast " + flow, clients);
                }
            }
        }
        if (any(medians, "keycloak production sign-in")) {
            System.out.println("== Gatehouse / Keycloak, production hash (both Argon2id at the same cost)");
            for (int clients : List.of(8, 32)) {
                ratio(medians, "gatehouse production sign-in", "keycloak production sign-in", clients);
            }
        }

        Optional<Result> hash = medians.stream().filter(r -> r.label().startsWith("hash "))
                .max(Comparator.comparingInt(Result::clients));
        hash.ifPresent(h -> {
            System.out.printf(Locale.ROOT, "== production sign-ins / what %d cores hash (%s: %.1f/s, median of the "
                    + "runs beside them; target: at least 90%%)%n", h.clients(), h.label().substring(5), h.perSecond());
            for (int clients : List.of(8, 32)) {
                find(medians, "gatehouse production sign-in", clients).ifPresent(g -> System.out.printf(Locale.ROOT,
                        "  %2d clients: %.1f/s = %.0f%%%n", clients, g.perSecond(), 100 * g.perSecond() / h.perSecond()));
            }
            System.out.println("  each point against the hash alone measured on both sides of it:");
            for (int clients : List.of(8, 32)) {
                int c = clients;
                paired(inOrder, r -> r.label().equals("gatehouse production sign-in") && r.clients() == c,
                        r -> r.label().equals(h.label()) && r.clients() == h.clients())
                        .ifPresent(p -> System.out.printf(Locale.ROOT, "  %2d clients: %s%n", c, p));
            }
        });

        List<Result> srp = medians.stream().filter(r -> r.label().endsWith(" srp")).toList();
        if (!srp.isEmpty()) {
            System.out.println("== SRP sign-ins / the bound of the server's SRP math on its cores (target: >= 70%)");
        }
        srp.forEach(r -> find(medians, SRP_BOUND, serverCores(r)).ifPresent(bound -> System.out.printf(Locale.ROOT,
                "  %-40s %2d clients: %.1f/s of %.1f/s = %.0f%% (the math: %.2f ms a sign-in, %.2f ms of it "
                        + "exponentiations; server CPU %.2f ms a sign-in: the math is %.0f%% of it)%n",
                r.label(), r.clients(), r.perSecond(), bound.perSecond(), 100 * r.perSecond() / bound.perSecond(),
                bound.p50Ms(), bound.serverCpuMs(), r.serverCpuMs(), 100 * bound.p50Ms() / r.serverCpuMs())));
        if (!srp.isEmpty()) {
            System.out.println("  each point against the bound measured on both sides of it:");
        }
        srp.forEach(r -> paired(inOrder, p -> p.label().equals(r.label()) && p.clients() == r.clients(),
                b -> b.label().equals(SRP_BOUND) && b.clients() == serverCores(r))
                .ifPresent(p -> System.out.printf(Locale.ROOT, "  %-40s %2d clients: %s%n", r.label(), r.clients(),
                        p)));

        List<Result> totp = medians.stream().filter(r -> r.label().endsWith(" sign-in-totp")).toList();
        if (!totp.isEmpty()) {
            System.out.println("== authenticator (TOTP) sign-ins beside password sign-ins of the same server (target: "
                    + "the MFA step under 1 ms of server CPU beyond its extra HTTP call)");
        }
        totp.forEach(t -> find(medians, t.label().replace(" sign-in-totp", " sign-in"), t.clients())
                .ifPresent(p -> System.out.printf(Locale.ROOT, "  %-40s %2d clients: %.1f/s against %.1f/s = %.0f%%; "
                                + "server CPU %.2f ms a sign-in against %.2f ms: %.2f ms more, with its second call%n",
                        t.label(), t.clients(), t.perSecond(), p.perSecond(), 100 * t.perSecond() / p.perSecond(),
                        t.serverCpuMs(), p.serverCpuMs(), t.serverCpuMs() - p.serverCpuMs())));

        federation(medians);
        saml(medians);
        triggers(inOrder, medians);
        threats(inOrder, medians);
        identityPools(medians);

        List<Result> refreshes = medians.stream().filter(r -> r.label().endsWith("refresh") && r.clients() == 32)
                .toList();
        if (!refreshes.isEmpty()) {
            System.out.println("== refresh p99 at 32 clients (target: under 50 ms)");
        }
        refreshes.forEach(r -> System.out.printf(Locale.ROOT, "  %s: %.1f ms%n", r.label(), r.p99Ms()));
    }

    private static boolean any(List<Result> results, String... labels) {
        List<String> wanted = List.of(labels);
        return results.stream().anyMatch(r -> wanted.contains(r.label()));
    }

    /**
     * Sign-ins through the upstream IdP: Gatehouse beside Keycloak for each flow and number of clients (or Gatehouse
     * alone when the run had no Keycloak), then what a first sign-in costs each server beyond a returning user's.
     */
    private static void federation(List<Result> medians) {
        if (medians.stream().noneMatch(r -> r.label().contains(" federated-"))) {
            return;
        }
        System.out.println("== completed sign-ins through the upstream IdP (authorize, IdP, callback, code, tokens): "
                + "Gatehouse / Keycloak");
        for (String flow : List.of("federated-first", "federated-repeat")) {
            for (int clients : List.of(8, 32)) {
                Optional<Result> g = federated(medians, "gatehouse", flow, clients);
                Optional<Result> k = federated(medians, "keycloak", flow, clients);
                if (g.isEmpty()) {
                    continue;
                }
                Result a = g.get();
                if (k.isEmpty()) {
                    System.out.printf(Locale.ROOT, "  %-16s %2d clients: %7.1f/s, p50 %.1f ms, p99 %.1f ms; server CPU "
                                    + "%.2f ms a sign-in, upstream IdP %.2f ms%n", flow, clients, a.perSecond(),
                            a.p50Ms(), a.p99Ms(), a.serverCpuMs(), a.upstreamCpuMs());
                    continue;
                }
                Result b = k.get();
                System.out.printf(Locale.ROOT, "  %-16s %2d clients: %7.1f/s vs %7.1f/s = %.2fx; p50 %.1f vs %.1f ms, "
                                + "p99 %.1f vs %.1f ms; server CPU %.2f vs %.2f ms a sign-in (%.2fx less); upstream "
                                + "IdP %.2f vs %.2f ms%n", flow, clients, a.perSecond(), b.perSecond(),
                        a.perSecond() / b.perSecond(), a.p50Ms(), b.p50Ms(), a.p99Ms(), b.p99Ms(), a.serverCpuMs(),
                        b.serverCpuMs(), b.serverCpuMs() / a.serverCpuMs(), a.upstreamCpuMs(), b.upstreamCpuMs());
            }
        }
        System.out.println("== a first sign-in (the user made) against a returning user's (the user updated)");
        for (String server : List.of("gatehouse", "keycloak")) {
            for (int clients : List.of(8, 32)) {
                Optional<Result> first = federated(medians, server, "federated-first", clients);
                Optional<Result> repeat = federated(medians, server, "federated-repeat", clients);
                if (first.isPresent() && repeat.isPresent()) {
                    System.out.printf(Locale.ROOT, "  %-9s %2d clients: %.1f/s against %.1f/s; server CPU %.2f ms "
                                    + "against %.2f ms: %+.2f ms%n", server, clients, first.get().perSecond(),
                            repeat.get().perSecond(), first.get().serverCpuMs(), repeat.get().serverCpuMs(),
                            first.get().serverCpuMs() - repeat.get().serverCpuMs());
                }
            }
        }
    }

    /**
     * SAML responses consumed at /saml2/idpresponse (saml.sh), beside the cryptography each needs at the least, measured
     * alone on one thread in the driver's JVM in the same run (medians of the run's measurements).
     */
    private static void saml(List<Result> medians) {
        List<Result> points = medians.stream().filter(r -> r.label().endsWith(" saml-signed")
                || r.label().endsWith(" saml-encrypted")).toList();
        if (points.isEmpty()) {
            return;
        }
        Optional<Result> signature = medians.stream().filter(r -> r.label().equals(SamlCost.XML_SIGNATURE)).findFirst();
        Optional<Result> decryption = medians.stream().filter(r -> r.label().equals(SamlCost.DECRYPT_RAW)).findFirst();
        System.out.println("== SAML responses consumed at /saml2/idpresponse, IdP-initiated (reported, not a gate)");
        for (Result r : points) {
            boolean encrypted = r.label().endsWith(" saml-encrypted");
            double boundMs = signature.map(Result::p50Ms).orElse(Double.NaN)
                    + (encrypted ? decryption.map(Result::p50Ms).orElse(Double.NaN) : 0);
            System.out.printf(Locale.ROOT, "  %-15s %2d clients: %7.1f/s, p50 %.1f ms, p99 %.1f ms; server CPU %.2f ms "
                            + "a response = %.1fx the crypto alone (%.3f ms: %s), which is %.0f%% of it; errors %d%n",
                    r.label().substring(r.label().lastIndexOf(' ') + 1), r.clients(), r.perSecond(), r.p50Ms(),
                    r.p99Ms(), r.serverCpuMs(), r.serverCpuMs() / boundMs, boundMs,
                    encrypted ? "signature check + decryption" : "signature check", 100 * boundMs / r.serverCpuMs(),
                    r.errors());
        }
        for (String label : List.of(SamlCost.XML_SIGNATURE, SamlCost.BARE_VERIFY, SamlCost.DECRYPT_RAW,
                SamlCost.DECRYPT_LIB, SamlCost.PARSE)) {
            medians.stream().filter(r -> r.label().equals(label)).findFirst().ifPresent(b -> System.out.printf(
                    Locale.ROOT, "  %-45s %.3f ms (one thread)%n", label.substring("saml bound: ".length()), b.p50Ms()));
        }
        Optional<Result> plain = points.stream().filter(r -> r.label().endsWith(" saml-signed")).findFirst();
        Optional<Result> sealed = points.stream().filter(r -> r.label().endsWith(" saml-encrypted")).findFirst();
        if (plain.isPresent() && sealed.isPresent() && decryption.isPresent()) {
            System.out.printf(Locale.ROOT, "  an encrypted response costs the server %.2f ms more than a signed one; the "
                    + "decryption alone %.3f ms%n", sealed.get().serverCpuMs() - plain.get().serverCpuMs(),
                    decryption.get().p50Ms());
        }
    }

    /**
     * Sign-ins in pools with a PreTokenGeneration trigger (triggers.sh): each trigger's point, then what it adds per
     * sign-in against the pool without one, both as the difference of the medians and as the median of each round's
     * own difference (the points of a round ran within a minute of each other, so the machine's drift cancels).
     */
    private static void triggers(List<Result> inOrder, List<Result> medians) {
        String prefix = TriggerBenchmark.LABEL;
        List<Result> points = medians.stream().filter(r -> r.label().startsWith(prefix)).toList();
        if (points.isEmpty()) {
            return;
        }
        System.out.println("== USER_PASSWORD_AUTH sign-ins with a PreTokenGeneration trigger (reported, not a gate)");
        for (Result r : points) {
            System.out.printf(Locale.ROOT, "  %-8s %2d clients: %7.1f/s, p50 %.2f ms, p99 %.2f ms; server CPU %.3f ms a "
                            + "sign-in, webhook receiver %.3f ms, driver %.3f ms; errors %d%n",
                    r.label().substring(prefix.length()), r.clients(), r.perSecond(), r.p50Ms(), r.p99Ms(),
                    r.serverCpuMs(), r.upstreamCpuMs(), r.driverCpuMs(), r.errors());
        }
        Optional<Result> none = points.stream().filter(r -> r.label().equals(prefix + "none")).findFirst();
        if (none.isEmpty()) {
            return;
        }
        System.out.println("== what each trigger adds per sign-in, against no trigger (difference of the medians; "
                + "median of the rounds' own differences, and their range)");
        for (Result r : points) {
            if (r == none.get()) {
                continue;
            }
            List<Double> cpu = roundDifferences(inOrder, r, none.get(), Result::serverCpuMs);
            List<Double> receiver = roundDifferences(inOrder, r, none.get(), Result::upstreamCpuMs);
            List<Double> p50 = roundDifferences(inOrder, r, none.get(), Result::p50Ms);
            System.out.printf(Locale.ROOT, "  %-8s server CPU %+.3f ms (rounds: %s); webhook receiver %+.3f ms (%s); "
                            + "p50 %+.2f ms (%s); rate %+.1f%%%n", r.label().substring(prefix.length()),
                    r.serverCpuMs() - none.get().serverCpuMs(), spread(cpu),
                    r.upstreamCpuMs() - none.get().upstreamCpuMs(), spread(receiver), r.p50Ms() - none.get().p50Ms(),
                    spread(p50), 100 * (r.perSecond() / none.get().perSecond() - 1));
        }
    }

    /**
     * Sign-ins with threat protection on and off (threats.sh): each side's point, then "on" against "off" as the ratio
     * of the medians and as the median of each round's own ratio (target: under 10% slower), and the server CPU a
     * sign-in the protections add.
     */
    private static void threats(List<Result> inOrder, List<Result> medians) {
        String prefix = ThreatBenchmark.LABEL;
        Optional<Result> on = medians.stream().filter(r -> r.label().equals(prefix + "on")).findFirst();
        Optional<Result> off = medians.stream().filter(r -> r.label().equals(prefix + "off")
                && r.clients() == on.map(Result::clients).orElse(-1)).findFirst();
        if (on.isEmpty() || off.isEmpty()) {
            return;
        }
        System.out.println("== USER_PASSWORD_AUTH sign-ins with every threat protection on and off (reported, not a "
                + "gate; target: under 10% slower)");
        for (Result r : List.of(on.get(), off.get())) {
            System.out.printf(Locale.ROOT, "  %-4s %2d clients: %7.1f/s, p50 %.2f ms, p99 %.2f ms; server CPU %.3f ms a "
                            + "sign-in; errors %d%n", r.label().substring(prefix.length()), r.clients(), r.perSecond(),
                    r.p50Ms(), r.p99Ms(), r.serverCpuMs(), r.errors());
        }
        List<Double> rates = roundDifferences(inOrder, on.get(), off.get(), Result::perSecond);
        List<Double> cpu = roundDifferences(inOrder, on.get(), off.get(), Result::serverCpuMs);
        System.out.printf(Locale.ROOT, "  on/off: %.1f%% of the rate (medians); rate %s a round; server CPU %+.3f ms a "
                        + "sign-in (rounds: %s)%n", 100 * on.get().perSecond() / off.get().perSecond(), spread(rates),
                on.get().serverCpuMs() - off.get().serverCpuMs(), spread(cpu));
    }

    /**
     * Identity-pool GetId + GetCredentialsForIdentity pairs beside GetUser on the same server (identity-pools.sh): the
     * rate of pairs against half GetUser's rate (a pair is two calls), and a pair's server CPU in GetUser calls.
     */
    private static void identityPools(List<Result> medians) {
        List<Result> pairs = medians.stream().filter(r -> r.label().equals(IdentityPoolBenchmark.PAIRS)).toList();
        if (pairs.isEmpty()) {
            return;
        }
        System.out.println("== identity pools: GetId + GetCredentialsForIdentity pairs beside GetUser, same server "
                + "and run (reported, not a gate)");
        pairs.forEach(p -> find(medians, IdentityPoolBenchmark.GET_USER, p.clients()).ifPresent(g -> System.out.printf(
                Locale.ROOT, "  %2d clients: %7.1f pairs/s (p50 %.2f ms, p99 %.2f ms, server CPU %.3f ms a pair) "
                        + "against %7.1f GetUser/s (%.3f ms each): %.0f%% of two GetUser calls' rate; a pair costs "
                        + "%.1f GetUser calls of server CPU%n", p.clients(), p.perSecond(), p.p50Ms(), p.p99Ms(),
                p.serverCpuMs(), g.perSecond(), g.serverCpuMs(), 200 * p.perSecond() / g.perSecond(),
                p.serverCpuMs() / g.serverCpuMs())));
    }

    /** Round i's {@code field} of {@code point} less round i's of {@code base}, in the order the file was written. */
    static List<Double> roundDifferences(List<Result> inOrder, Result point, Result base,
                                                 ToDoubleFunction<Result> field) {
        List<Result> a = inOrder.stream().filter(r -> r.label().equals(point.label()) && r.clients() == point.clients())
                .toList();
        List<Result> b = inOrder.stream().filter(r -> r.label().equals(base.label()) && r.clients() == base.clients())
                .toList();
        List<Double> differences = new ArrayList<>();
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            differences.add(field.applyAsDouble(a.get(i)) - field.applyAsDouble(b.get(i)));
        }
        return differences;
    }

    /** "median +0.123, +0.100 to +0.150 over 5" of some differences. */
    private static String spread(List<Double> differences) {
        double[] sorted = differences.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        if (sorted.length == 0) {
            return "none";
        }
        return String.format(Locale.ROOT, "median %+.3f, %+.3f to %+.3f over %d", medianOfSorted(sorted), sorted[0],
                sorted[sorted.length - 1], sorted.length);
    }

    /** The median point of {@code server}'s {@code flow} at {@code clients}, whatever hash its label names. */
    private static Optional<Result> federated(List<Result> medians, String server, String flow, int clients) {
        return medians.stream().filter(r -> r.label().startsWith(server + " ") && r.label().endsWith(" " + flow)
                && r.clients() == clients).findFirst();
    }

    /** {@link #ratiosToBracket}, summed up: the median ratio, the range and how many points; empty if none. */
    private static Optional<String> paired(List<Result> inOrder, Predicate<Result> point, Predicate<Result> reference) {
        double[] sorted = ratiosToBracket(inOrder, point, reference).stream().mapToDouble(Double::doubleValue).sorted()
                .toArray();
        if (sorted.length == 0) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT, "median %.0f%% (%.0f-%.0f%% over %d points)",
                100 * medianOfSorted(sorted), 100 * sorted[0], 100 * sorted[sorted.length - 1], sorted.length));
    }

    /**
     * Each point's rate over its reference's (the hash alone, the SRP bound), the reference taken as the mean of the
     * nearest measurement before the point and the nearest after it, in the order the file was written (the
     * machine's speed drifts by a tenth within minutes, so a reference measured only before a point, or the median
     * of a whole run's, can be off for that point). A point with a reference on one side only is set against that
     * one; a point with none is left out.
     */
    static List<Double> ratiosToBracket(List<Result> inOrder, Predicate<Result> point, Predicate<Result> reference) {
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < inOrder.size(); i++) {
            if (!point.test(inOrder.get(i))) {
                continue;
            }
            DoubleSummaryStatistics around = new DoubleSummaryStatistics();
            nearest(inOrder, i, -1, reference).ifPresent(r -> around.accept(r.perSecond()));
            nearest(inOrder, i, 1, reference).ifPresent(r -> around.accept(r.perSecond()));
            if (around.getCount() > 0) {
                ratios.add(inOrder.get(i).perSecond() / around.getAverage());
            }
        }
        return ratios;
    }

    private static Optional<Result> nearest(List<Result> inOrder, int from, int step, Predicate<Result> reference) {
        for (int i = from + step; i >= 0 && i < inOrder.size(); i += step) {
            if (reference.test(inOrder.get(i))) {
                return Optional.of(inOrder.get(i));
            }
        }
        return Optional.empty();
    }

    /** The cores a load's server had: those its label names ("... on 1 core ..."), else this machine's. */
    private static int serverCores(Result load) {
        Matcher named = SERVER_CORES.matcher(load.label());
        return named.find() ? Integer.parseInt(named.group(1)) : Runtime.getRuntime().availableProcessors();
    }

    private static Result median(List<Result> rounds) {
        Result first = rounds.get(0);
        return new Result(first.label(), first.clients(), median(rounds, Result::perSecond),
                median(rounds, Result::p50Ms), median(rounds, Result::p99Ms),
                rounds.stream().mapToLong(Result::errors).sum(), median(rounds, Result::serverCpuMs),
                median(rounds, Result::driverCpuMs), median(rounds, Result::upstreamCpuMs));
    }

    private static double median(List<Result> rounds, ToDoubleFunction<Result> field) {
        return medianOfSorted(rounds.stream().mapToDouble(field).sorted().toArray());
    }

    private static double medianOfSorted(double[] values) {
        int mid = values.length / 2;
        return values.length % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
    }

    private static void ratio(List<Result> results, String ours, String peer, int clients) {
        Optional<Result> a = find(results, ours, clients);
        Optional<Result> b = find(results, peer, clients);
        if (a.isPresent() && b.isPresent()) {
            System.out.printf(Locale.ROOT, "  %-30s %2d clients: %8.1f/s vs %8.1f/s = %.2fx  (server CPU %.2f vs "
                            + "%.2f ms/request)%n", ours.substring("gatehouse ".length()), clients,
                    a.get().perSecond(), b.get().perSecond(), a.get().perSecond() / b.get().perSecond(),
                    a.get().serverCpuMs(), b.get().serverCpuMs());
        }
    }

    private static Optional<Result> find(List<Result> results, String label, int clients) {
        return results.stream().filter(r -> r.label().equals(label) && r.clients() == clients).findFirst();
    }
}
