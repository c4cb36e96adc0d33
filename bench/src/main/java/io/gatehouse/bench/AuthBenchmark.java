package io.gatehouse.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/**
 * The sign-in and refresh benchmark's driver; bench/auth.sh, mfa.sh, srp.sh and federation.sh run it. Commands:
 * <pre>
 *   load   --server gatehouse|keycloak --url URL --hash NAME [--pid PID] [--hash-alone M,T,P | --srp-bound S]
 *          [--rounds N] [--jit-warm-up SECONDS [--warm-up-flows F,G]]
 *          [--upstream-issuer URL [--upstream-pid PID] [--upstream-users N]] --results FILE [options]
 *   hash   --argon2 MEMORY_KIB,ITERATIONS,PARALLELISM --results FILE
 *   srp-cost --results FILE
 *   report FILE
 * </pre>
 * {@code load} sets up a pool (or realm) with {@code --users} users, then measures USER_PASSWORD_AUTH sign-ins
 * (the password grant), REFRESH_TOKEN_AUTH (the refresh grant), USER_SRP_AUTH with its PASSWORD_VERIFIER answer
 * and USER_PASSWORD_AUTH with a SOFTWARE_TOKEN_MFA answer (Gatehouse only; {@code --totp-users} more users, each
 * with an authenticator app) and sign-ins through the upstream OpenID Provider {@code --upstream-issuer}
 * (federated-first: each a new upstream user; federated-repeat: {@code --upstream-users} users, each signed in once
 * before the load, cycling) at each of {@code --clients}, appending one line
 * per measurement to the results file, in {@code --rounds} interleaved rounds; with {@code --hash-alone} (the
 * Argon2id hash alone on every core) or {@code --srp-bound} (the server's SRP math alone), that is measured before
 * each point and after the last. {@code report} prints the medians and the ratios the targets are stated in.
 */
public final class AuthBenchmark {

    /** The upstream users of the {@code federated-first} load so far: each signs in once. */
    private static final AtomicLong NEW_UPSTREAM_USERS = new AtomicLong();

    private AuthBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            throw new IllegalArgumentException("usage: load|hash|report ...");
        }
        if (args[0].equals("report") && args.length == 2) {
            Report.print(Path.of(args[1]));
            return;
        }
        Map<String, String> options = Options.parse(args, 1);
        switch (args[0]) {
            case "load" -> load(options);
            case "hash" -> hash(options);
            case "srp-cost" -> srpCost(options, Duration.ofSeconds(Long.parseLong(
                    options.getOrDefault("seconds", "5"))));
            default -> throw new IllegalArgumentException("unknown command " + args[0]);
        }
    }

    private static void load(Map<String, String> o) throws Exception {
        String server = o.get("server");
        URI url = URI.create(Options.require(o, "url"));
        Target target = switch (server) {
            case "gatehouse" -> new GatehouseTarget(url, Options.require(o, "admin-key"),
                    Options.require(o, "admin-secret"));
            case "keycloak" -> new KeycloakTarget(url, Options.require(o, "admin-user"),
                    Options.require(o, "admin-password"), o.get("password-policy"));
            default -> throw new IllegalArgumentException("--server gatehouse or keycloak");
        };
        int users = Integer.parseInt(o.getOrDefault("users", "64"));
        Duration warmUp = Duration.ofSeconds(Long.parseLong(o.getOrDefault("warm-up", "3")));
        Duration window = Duration.ofSeconds(Long.parseLong(o.getOrDefault("seconds", "10")));
        ProcessCpu cpu = new ProcessCpu(Long.parseLong(o.getOrDefault("pid", "0")));
        List<String> flows = List.of(o.getOrDefault("flows", "sign-in,refresh").split(","));
        // --server-cores: the server was started on that many cores of its own (taskset), the driver on the others.
        String prefix = server + " " + Options.require(o, "hash") + " " + Optional.ofNullable(o.get("server-cores"))
                .map(n -> "on " + n + " core" + ("1".equals(n) ? "" : "s") + " ").orElse("");

        target.setUp(users);
        int totpUsers = Integer.parseInt(o.getOrDefault("totp-users", "20000"));
        if (flows.contains("sign-in-totp")) {
            target.setUpTotp(totpUsers);
        }
        int upstreamUsers = Integer.parseInt(o.getOrDefault("upstream-users", "1000"));
        ProcessCpu upstreamCpu = new ProcessCpu(Long.parseLong(o.getOrDefault("upstream-pid", "0")));
        Sources sources = new Sources(target, users, totpUsers, null, null, upstreamUsers);
        if (flows.stream().anyMatch(f -> f.startsWith("federated-"))) {
            UpstreamIdp upstream = UpstreamIdp.discover(URI.create(Options.require(o, "upstream-issuer")));
            sources = new Sources(target, users, totpUsers, target.setUpFederation(upstream),
                    upstream.authorizationEndpoint(), upstreamUsers);
            firstSignInsOf(sources);
        }
        // The JIT compiles a server's hot paths over its first minutes: two minutes into a run, C2 still took a
        // sixth of the CPU. Both servers get this unrecorded time first, shared among the flows measured (or those
        // of --warm-up-flows) and the numbers of clients measured, so that what is measured is the server, not its
        // compiler. Every number of clients, not only 8: a one-core server warmed at 8 clients compiled 16-33
        // methods a minute with C2 after ten minutes, then 65-78 a minute once 32 clients came (2026-12-02).
        Duration jitWarmUp = Duration.ofSeconds(Long.parseLong(o.getOrDefault("jit-warm-up", "60")));
        List<String> warmUpFlows = o.containsKey("warm-up-flows") ? List.of(o.get("warm-up-flows").split(","))
                : flows;
        List<Integer> clientCounts = Arrays.stream(o.getOrDefault("clients", "8,32").split(","))
                .map(Integer::parseInt).toList();
        if (!jitWarmUp.isZero()) {
            Duration each = jitWarmUp.dividedBy((long) warmUpFlows.size() * clientCounts.size());
            for (String flow : warmUpFlows) {
                for (int n : clientCounts) {
                    LoadRun.run(prefix + flow + " (JIT warm-up)", n, Duration.ZERO, each, cpu, upstreamCpu,
                            steps(flow, sources, n));
                }
            }
        }
        // This machine's speed drifts by a third over minutes (shared memory bandwidth, neighbours), so the points
        // are measured in rounds, interleaved, and the report takes medians. What a point is set against (the hash
        // alone, the SRP bound) is measured right before each point and once after the last, so that the report can
        // set each point against the machine's speed on both sides of it.
        Optional<Measurement> reference = reference(o, window);
        int rounds = Integer.parseInt(o.getOrDefault("rounds", "3"));
        for (int round = 0; round < rounds; round++) {
            for (int n : clientCounts) {
                for (String flow : flows) {
                    if (reference.isPresent()) {
                        reference.get().run();
                    }
                    record(o, LoadRun.run(prefix + flow, n, warmUp, window, cpu, upstreamCpu,
                            steps(flow, sources, n)));
                }
            }
        }
        if (reference.isPresent()) {
            reference.get().run();
        }
    }

    /**
     * What the points are set against, measured in this JVM while the server waits: with {@code --hash-alone}, the
     * Argon2id hash on every core; with {@code --srp-bound SECONDS}, the server's SRP math on one thread, each of its
     * parts for that long (for a server given cores of its own, this JVM runs on other cores of the same kind).
     */
    private static Optional<Measurement> reference(Map<String, String> o, Duration window) {
        if (o.containsKey("hash-alone")) {
            HashCost hash = HashCost.parse(o.get("hash-alone"));
            int cores = Runtime.getRuntime().availableProcessors();
            return Optional.of(() -> recordHash(o, hash, cores, window));
        }
        if (o.containsKey("srp-bound")) {
            Duration boundWindow = Duration.ofSeconds(Long.parseLong(o.get("srp-bound")));
            return Optional.of(() -> srpCost(o, boundWindow));
        }
        return Optional.empty();
    }

    private interface Measurement {
        void run() throws Exception;
    }

    /**
     * The users a load draws on: {@code users} with a password, {@code totpUsers} with an authenticator app, and
     * {@code upstreamUsers} of the upstream IdP who have signed in through it to {@code federatedApp} before.
     */
    private record Sources(Target target, int users, int totpUsers, BrokeredSignIn.App federatedApp,
                           URI upstreamAuthorize, int upstreamUsers) {

        void signInThroughIdp(String upstreamUser) throws IOException {
            BrokeredSignIn.signIn(federatedApp, upstreamAuthorize, upstreamUser);
        }
    }

    /** A user of the upstream IdP who has signed in before: number {@code user} of the first sign-ins made. */
    private static String returningUpstreamUser(int user) {
        return "returning-" + user;
    }

    /**
     * Signs each of the upstream IdP's returning users in once, from eight threads, so that the
     * {@code federated-repeat} load finds each one already a user of the server.
     */
    private static void firstSignInsOf(Sources sources) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(8);
        List<Future<?>> done = new ArrayList<>();
        for (int user = 0; user < sources.upstreamUsers(); user++) {
            String name = returningUpstreamUser(user);
            done.add(threads.submit(() -> {
                sources.signInThroughIdp(name);
                return null;
            }));
        }
        try {
            for (Future<?> one : done) {
                one.get();
            }
        } finally {
            threads.shutdownNow();
        }
    }

    /**
     * Client {@code i}'s loop: sign-ins cycling through the users, refreshes of the client's own sign-in, or
     * sign-ins through the upstream IdP, of new upstream users (each a first sign-in, which makes the user) or of
     * the returning ones cycling (each updates the user from the upstream's claims).
     */
    private static IntFunction<LoadRun.Step> steps(String flow, Sources sources, int clients) {
        Target target = sources.target();
        int users = sources.users();
        return switch (flow) {
            case "sign-in" -> LoadRun.cycling(users, clients, target::signIn);
            case "srp" -> LoadRun.cycling(users, clients, target::signInWithSrp);
            case "sign-in-totp" -> client -> totpSignIns(target, client, clients, sources.totpUsers());
            case "federated-first" -> client -> () -> sources.signInThroughIdp("new-" + NEW_UPSTREAM_USERS
                    .incrementAndGet());
            case "federated-repeat" -> LoadRun.cycling(sources.upstreamUsers(), clients,
                    user -> sources.signInThroughIdp(returningUpstreamUser(user)));
            case "refresh" -> LoadRun.refreshing(target, users);
            default -> throw new IllegalArgumentException("--flows takes sign-in, sign-in-totp, refresh, srp, "
                    + "federated-first and federated-repeat, not " + flow);
        };
    }

    /**
     * Client {@code client}'s authenticator sign-ins: through its share of the users, skipping those who signed in
     * within their last time step. A client that finds none left waits a little: the users are too few for the
     * rate, which shows as latency and fewer sign-ins, not as errors.
     */
    private static LoadRun.Step totpSignIns(Target target, int client, int clients, int users) {
        int[] next = {client};
        return () -> {
            int skipped = 0;
            while (!target.signInWithTotp(next[0] % users)) {
                next[0] += clients;
                if (++skipped % (users / clients + 1) == 0) {
                    Thread.sleep(50);
                }
            }
            next[0] += clients;
        };
    }

    private static void hash(Map<String, String> o) throws Exception {
        HashCost cost = HashCost.parse(Options.require(o, "argon2"));
        Duration window = Duration.ofSeconds(Long.parseLong(o.getOrDefault("seconds", "5")));
        String cores = Integer.toString(Runtime.getRuntime().availableProcessors());
        for (String count : o.getOrDefault("threads", "1," + cores).split(",")) {
            recordHash(o, cost, Integer.parseInt(count), window);
        }
    }

    /** Records the hash alone on {@code threads} threads: per second, and p50 = ms of one thread per hash. */
    private static void recordHash(Map<String, String> o, HashCost cost, int threads, Duration window)
            throws Exception {
        double rate = cost.hashesPerSecond(threads, window);
        record(o, new Result("hash " + cost.label(), threads, rate, threads * 1000 / rate, Double.NaN, 0,
                Double.NaN));
    }

    /** Records the SRP bound as a result line: per second = what every core could do, p50 = ms per sign-in. */
    private static void srpCost(Map<String, String> o, Duration window) throws Exception {
        SrpCost cost = SrpCost.measure(window);
        int cores = Runtime.getRuntime().availableProcessors();
        System.out.printf(java.util.Locale.ROOT, "SRP server math alone: exponentiations %.2f ms + two signatures %.2f ms"
                + " = %.2f ms a sign-in%n", cost.exponentiationsMs(), cost.signaturesMs(), cost.perSignInMs());
        // One line per number of cores a server may have been given: 1, 2, ... all of them.
        for (int c = 1; c <= cores; c++) {
            record(o, new Result(Report.SRP_BOUND, c, cost.boundPerSecond(c), cost.perSignInMs(), Double.NaN, 0,
                    cost.exponentiationsMs()));
        }
    }

    private static Result record(Map<String, String> o, Result result) throws IOException {
        return record(Path.of(Options.require(o, "results")), result);
    }

    /** Prints a result and appends it to the results file. */
    static Result record(Path results, Result result) throws IOException {
        System.out.println(result.line());
        Files.writeString(results, result.tsv() + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        return result;
    }

}
