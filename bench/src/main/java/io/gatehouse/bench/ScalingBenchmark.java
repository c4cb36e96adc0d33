package io.gatehouse.bench;

import org.apache.hc.core5.http.io.support.ClassicRequestBuilder;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/**
 * The per-node figures of docs/scaling.md; bench/scaling.sh runs it. Commands:
 * <pre>
 *   run --url URL --admin-key K --admin-secret S --hash NAME --pid SERVER_PID --results FILE
 *       [--flows F,G --clients 8,32 --seconds 10 --rounds 1 --jit-warm-up SECONDS --warm-up-flows F,G]
 *       [--database-pid POSTMASTER_PID --jdbc URL --count-flows F,G --count N --statements FILE]
 *   report RESULTS [STATEMENTS]
 * </pre>
 * {@code run} makes a pool with {@code --users} users through the API, then measures each of {@code --flows} at each
 * of {@code --clients} closed-loop clients (requests/s, p50/p99, the server's CPU and the database's per request,
 * the database being a PostgreSQL cluster of its own whose postmaster is {@code --database-pid}). Then, for each of
 * {@code --count-flows}, it sends exactly {@code --count} requests and reads PostgreSQL's own counters before and
 * after (pg_stat_statements, pg_stat_database, pg_stat_user_tables, the WAL position), less what the server does on
 * its own while idle (measured first, over 30 s), and writes what one request took to the statements file.
 *
 * <p>Flows: {@code sign-in} (USER_PASSWORD_AUTH), {@code refresh} (REFRESH_TOKEN_AUTH, each client its own
 * session), {@code get-user} (GetUser with an access token, as a resource server or app verifies a user),
 * {@code admin-get-user}, {@code list-users} (a page of 60), {@code describe-user-pool} (signed admin calls) and
 * {@code jwks} (the pool's published keys).
 */
public final class ScalingBenchmark {

    /** pg_stat_user_tables and pg_stat_database are flushed by a backend at most once a second, and on 10 s idle. */
    private static final Duration STATS_FLUSH = Duration.ofSeconds(11);
    private static final Duration IDLE_WINDOW = Duration.ofSeconds(30);
    private static final String[] TABLE_COUNTERS = {"n_tup_ins", "n_tup_upd", "n_tup_hot_upd", "n_tup_del",
        "seq_scan", "idx_scan"};
    private static final String[] DATABASE_COUNTERS = {"xact_commit", "xact_rollback", "tup_returned", "tup_fetched",
        "tup_inserted", "tup_updated", "tup_deleted", "blks_hit", "blks_read"};

    private ScalingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length >= 2 && args[0].equals("report")) {
            report(Path.of(args[1]), args.length > 2 ? Path.of(args[2]) : null);
            return;
        }
        if (args.length == 0 || !args[0].equals("run")) {
            throw new IllegalArgumentException("usage: run --name value ... | report RESULTS [STATEMENTS]");
        }
        run(Options.parse(args, 1));
    }

    private static void run(Map<String, String> o) throws Exception {
        URI url = URI.create(Options.require(o, "url"));
        GatehouseTarget target = new GatehouseTarget(url, Options.require(o, "admin-key"),
                Options.require(o, "admin-secret"));
        int users = Integer.parseInt(o.getOrDefault("users", "64"));
        target.setUp(users);
        Flows flows = new Flows(target, url, users);
        ProcessCpu server = new ProcessCpu(Long.parseLong(o.getOrDefault("pid", "0")));
        ProcessCpu database = ProcessCpu.withChildren(Long.parseLong(o.getOrDefault("database-pid", "0")));
        String prefix = "scaling " + Options.require(o, "hash") + " ";
        Path results = Path.of(Options.require(o, "results"));
        try (CognitoIdentityProviderClient admin = target.admin()) {
            flows.admin = admin;
            List<String> measured = list(o.getOrDefault("flows", ""));
            List<Integer> clientCounts = list(o.getOrDefault("clients", "8,32")).stream().map(Integer::parseInt)
                    .toList();
            Duration jitWarmUp = Duration.ofSeconds(Long.parseLong(o.getOrDefault("jit-warm-up", "60")));
            List<String> warmUpFlows = o.containsKey("warm-up-flows") ? list(o.get("warm-up-flows")) : measured;
            if (!jitWarmUp.isZero() && !warmUpFlows.isEmpty()) {
                Duration each = jitWarmUp.dividedBy((long) warmUpFlows.size() * clientCounts.size());
                for (String flow : warmUpFlows) {
                    for (int n : clientCounts) {
                        LoadRun.run(prefix + flow + " (JIT warm-up)", n, Duration.ZERO, each, server, database,
                                flows.steps(flow, n));
                    }
                }
            }
            Duration window = Duration.ofSeconds(Long.parseLong(o.getOrDefault("seconds", "10")));
            int rounds = Integer.parseInt(o.getOrDefault("rounds", "1"));
            for (int round = 0; round < rounds; round++) {
                for (int n : clientCounts) {
                    for (String flow : measured) {
                        System.out.println("(" + uptime() + ")");
                        AuthBenchmark.record(results, LoadRun.run(prefix + flow, n, Duration.ofSeconds(3), window,
                                server, database, flows.steps(flow, n)));
                    }
                }
            }
            List<String> counted = list(o.getOrDefault("count-flows", ""));
            if (!counted.isEmpty()) {
                count(o, flows, counted, server, database);
            }
        }
    }

    /**
     * Sends exactly {@code --count} requests of each flow from 8 clients and records what the database did for
     * them, per request, less what it did per second while the server was idle.
     */
    private static void count(Map<String, String> o, Flows flows, List<String> counted, ProcessCpu server,
                              ProcessCpu database) throws Exception {
        int requests = Integer.parseInt(o.getOrDefault("count", "2000"));
        Path out = Path.of(Options.require(o, "statements"));
        String name = o.getOrDefault("database", "gatehouse");
        String hash = Options.require(o, "hash") + " ";
        try (Connection monitor = DriverManager.getConnection(Options.require(o, "jdbc"))) {
            try (Statement s = monitor.createStatement()) {
                // The monitor's own queries are not the server's; they are left out of pg_stat_statements.
                s.execute("SET pg_stat_statements.track = 'none'");
            }
            // The load before has to reach pg_stat_database and pg_stat_user_tables first, or the idle window
            // would count it as the idle server's own.
            Thread.sleep(STATS_FLUSH.toMillis());
            Snapshot before = Snapshot.take(monitor, name, server, database);
            Thread.sleep(IDLE_WINDOW.toMillis());
            Snapshot idle = Snapshot.take(monitor, name, server, database).minus(before);
            System.out.printf(Locale.ROOT, "idle server, per second: %.2f statements, %.2f commits, %.0f WAL bytes%n",
                    idle.statements() / idle.seconds, idle.database.getOrDefault("xact_commit", 0.0) / idle.seconds,
                    idle.walBytes / idle.seconds);
            write(out, hash + "idle", "total", "seconds", idle.seconds);
            write(out, hash + "idle", "total", "statements", idle.statements());
            for (String flow : counted) {
                int clients = 8;
                List<LoadRun.Step> steps = new ArrayList<>();
                IntFunction<LoadRun.Step> make = flows.steps(flow, clients);
                for (int c = 0; c < clients; c++) {
                    steps.add(make.apply(c));
                }
                Thread.sleep(STATS_FLUSH.toMillis()); // the set-up's own counters (a refresh's first sign-in)
                Snapshot start = Snapshot.take(monitor, name, server, database);
                long failed = exactly(requests, steps);
                Thread.sleep(STATS_FLUSH.toMillis());
                Snapshot delta = Snapshot.take(monitor, name, server, database).minus(start).less(idle);
                record(out, hash + flow, requests, failed, delta);
            }
        }
    }

    /** Sends {@code requests} requests over the given clients' steps; the number that failed. */
    private static long exactly(int requests, List<LoadRun.Step> steps) throws InterruptedException {
        AtomicInteger left = new AtomicInteger(requests);
        AtomicLong failed = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        for (LoadRun.Step step : steps) {
            Thread thread = new Thread(() -> {
                while (left.getAndDecrement() > 0) {
                    try {
                        step.run();
                    } catch (Exception e) {
                        if (failed.incrementAndGet() == 1) {
                            System.err.println("counted request failed: " + e);
                        }
                    }
                }
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        return failed.get();
    }

    private static void record(Path out, String flow, int requests, long failed, Snapshot d) throws IOException {
        double n = requests;
        System.out.printf(Locale.ROOT, "== %s: %d requests (%d failed) in %.1f s%n", flow, requests, failed,
                d.seconds - STATS_FLUSH.toSeconds());
        write(out, flow, "total", "requests", n);
        write(out, flow, "total", "failed", failed);
        write(out, flow, "total", "statements", d.statements() / n);
        d.byKind().forEach((kind, calls) -> {
            if (Math.abs(calls / n) >= 0.005) {
                writeQuietly(out, flow, "kind", kind, calls / n);
            }
        });
        write(out, flow, "total", "statement ms", d.statementMs() / n);
        write(out, flow, "total", "WAL bytes", d.walBytes / n);
        write(out, flow, "total", "server CPU ms", d.serverCpu * 1000 / n);
        write(out, flow, "total", "database CPU ms", d.databaseCpu * 1000 / n);
        for (String counter : DATABASE_COUNTERS) {
            write(out, flow, "database", counter, d.database.getOrDefault(counter, 0.0) / n);
        }
        for (Map.Entry<String, Map<String, Double>> table : d.tables.entrySet()) {
            for (String counter : TABLE_COUNTERS) {
                double value = table.getValue().getOrDefault(counter, 0.0) / n;
                if (Math.abs(value) >= 0.005) {
                    write(out, flow, "table", table.getKey() + " " + counter, value);
                }
            }
        }
        List<Map.Entry<String, Query>> queries = new ArrayList<>(d.queries.entrySet());
        queries.sort(Comparator.comparingDouble((Map.Entry<String, Query> e) -> -e.getValue().calls));
        for (Map.Entry<String, Query> q : queries) {
            if (q.getValue().calls / n >= 0.005) {
                write(out, flow, "statement", q.getKey(), q.getValue().calls / n);
                write(out, flow, "statement rows", q.getKey(), q.getValue().rows / n);
                write(out, flow, "statement ms", q.getKey(), q.getValue().ms / n);
            }
        }
    }

    private static void write(Path out, String flow, String kind, String name, double value) throws IOException {
        String line = String.format(Locale.ROOT, "%s\t%s\t%s\t%.4f", flow, kind, oneLine(name), value);
        System.out.println(line);
        Files.writeString(out, line + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private static void writeQuietly(Path out, String flow, String kind, String name, double value) {
        try {
            write(out, flow, kind, name, value);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String oneLine(String sql) {
        String flat = sql.replaceAll("\\s+", " ").trim();
        return flat.length() > 400 ? flat.substring(0, 400) + "..." : flat;
    }

    /** A statement as pg_stat_statements counts it: calls, rows, execution time. */
    record Query(double calls, double rows, double ms) {
        Query minus(Query o) {
            return new Query(calls - o.calls, rows - o.rows, ms - o.ms);
        }

        Query scaled(double f) {
            return new Query(calls * f, rows * f, ms * f);
        }
    }

    /** PostgreSQL's counters for one database at one moment (or the difference of two), with the processes' CPU. */
    static final class Snapshot {
        final Map<String, Query> queries = new HashMap<>();
        final Map<String, Double> database = new HashMap<>();
        final Map<String, Map<String, Double>> tables = new HashMap<>();
        double walBytes;
        double serverCpu;
        double databaseCpu;
        double seconds;

        static Snapshot take(Connection c, String name, ProcessCpu server, ProcessCpu database) throws SQLException {
            Snapshot s = new Snapshot();
            s.seconds = System.nanoTime() / 1e9;
            s.serverCpu = server.seconds();
            s.databaseCpu = database.seconds();
            try (Statement st = c.createStatement()) {
                try (ResultSet r = st.executeQuery("SELECT s.query, sum(s.calls), sum(s.rows), sum(s.total_exec_time)"
                        + " FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid WHERE d.datname = '"
                        + name + "' GROUP BY s.query")) {
                    while (r.next()) {
                        s.queries.merge(r.getString(1), new Query(r.getDouble(2), r.getDouble(3), r.getDouble(4)),
                                (a, b) -> new Query(a.calls + b.calls, a.rows + b.rows, a.ms + b.ms));
                    }
                }
                try (ResultSet r = st.executeQuery("SELECT " + String.join(", ", DATABASE_COUNTERS)
                        + " FROM pg_stat_database WHERE datname = '" + name + "'")) {
                    if (r.next()) {
                        for (String counter : DATABASE_COUNTERS) {
                            s.database.put(counter, r.getDouble(counter));
                        }
                    }
                }
                try (ResultSet r = st.executeQuery("SELECT relname, " + String.join(", ", TABLE_COUNTERS)
                        + " FROM pg_stat_user_tables")) {
                    while (r.next()) {
                        Map<String, Double> counters = new HashMap<>();
                        for (String counter : TABLE_COUNTERS) {
                            counters.put(counter, r.getDouble(counter));
                        }
                        s.tables.put(r.getString(1), counters);
                    }
                }
                try (ResultSet r = st.executeQuery("SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')")) {
                    r.next();
                    s.walBytes = r.getDouble(1);
                }
            }
            return s;
        }

        Snapshot minus(Snapshot o) {
            Snapshot d = new Snapshot();
            queries.forEach((q, v) -> d.queries.put(q, v.minus(o.queries.getOrDefault(q, new Query(0, 0, 0)))));
            database.forEach((k, v) -> d.database.put(k, v - o.database.getOrDefault(k, 0.0)));
            tables.forEach((t, counters) -> {
                Map<String, Double> diff = new HashMap<>();
                counters.forEach((k, v) -> diff.put(k, v - o.tables.getOrDefault(t, Map.of()).getOrDefault(k, 0.0)));
                d.tables.put(t, diff);
            });
            d.walBytes = walBytes - o.walBytes;
            d.serverCpu = serverCpu - o.serverCpu;
            d.databaseCpu = databaseCpu - o.databaseCpu;
            d.seconds = seconds - o.seconds;
            return d;
        }

        /** This difference less what {@code idle} (another difference) did in as much time. */
        Snapshot less(Snapshot idle) {
            double f = seconds / idle.seconds;
            Snapshot d = new Snapshot();
            queries.forEach((q, v) -> d.queries.put(q, v.minus(idle.queries.getOrDefault(q, new Query(0, 0, 0))
                    .scaled(f))));
            database.forEach((k, v) -> d.database.put(k, v - f * idle.database.getOrDefault(k, 0.0)));
            tables.forEach((t, counters) -> {
                Map<String, Double> diff = new HashMap<>();
                counters.forEach((k, v) -> diff.put(k, v - f * idle.tables.getOrDefault(t, Map.of())
                        .getOrDefault(k, 0.0)));
                d.tables.put(t, diff);
            });
            d.walBytes = walBytes - f * idle.walBytes;
            d.serverCpu = serverCpu - f * idle.serverCpu;
            d.databaseCpu = databaseCpu - f * idle.databaseCpu;
            d.seconds = seconds;
            return d;
        }

        double statements() {
            return queries.values().stream().mapToDouble(Query::calls).sum();
        }

        double statementMs() {
            return queries.values().stream().mapToDouble(Query::ms).sum();
        }

        /** Calls by the statement's kind: select, select for update, insert, update, delete, begin, commit... */
        Map<String, Double> byKind() {
            Map<String, Double> kinds = new LinkedHashMap<>();
            queries.forEach((q, v) -> kinds.merge(kind(q), v.calls, Double::sum));
            return kinds;
        }

        private static String kind(String sql) {
            String s = sql.trim().toLowerCase(Locale.ROOT);
            String first = s.split("\\s+", 2)[0];
            if (first.equals("select") && s.contains(" for update")) {
                return "select for update";
            }
            if (first.equals("select") && s.contains("pg_advisory")) {
                return "advisory lock";
            }
            return first;
        }
    }

    /** The requests the benchmark sends, each a closed-loop client's step. */
    private static final class Flows {
        private final GatehouseTarget target;
        private final URI url;
        private final int users;
        private String[] accessTokens;
        CognitoIdentityProviderClient admin;

        Flows(GatehouseTarget target, URI url, int users) {
            this.target = target;
            this.url = url;
            this.users = users;
        }

        IntFunction<LoadRun.Step> steps(String flow, int clients) throws Exception {
            String pool = target.poolId();
            return switch (flow) {
                case "sign-in" -> LoadRun.cycling(users, clients, target::signIn);
                case "refresh" -> LoadRun.refreshing(target, users);
                case "get-user" -> {
                    String[] tokens = accessTokens();
                    yield LoadRun.cycling(users, clients, user -> target.getUser(tokens[user]));
                }
                case "admin-get-user" -> LoadRun.cycling(users, clients,
                        user -> admin.adminGetUser(r -> r.userPoolId(pool).username(Users.name(user))));
                case "list-users" -> client -> () -> admin.listUsers(r -> r.userPoolId(pool).limit(60));
                case "describe-user-pool" -> client -> () -> admin.describeUserPool(r -> r.userPoolId(pool));
                case "jwks" -> client -> () -> {
                    Http.Answer answer = Http.exchange(ClassicRequestBuilder.get(url.resolve("/" + pool
                            + "/.well-known/jwks.json")));
                    if (answer.status() != 200) {
                        throw new IOException("JWKS: HTTP " + answer.status());
                    }
                };
                default -> throw new IllegalArgumentException("flows: sign-in, refresh, get-user, admin-get-user, "
                        + "list-users, describe-user-pool, jwks; not " + flow);
            };
        }

        /** One access token per user (an hour's validity), taken once. */
        private String[] accessTokens() throws Exception {
            if (accessTokens == null) {
                accessTokens = new String[users];
                for (int user = 0; user < users; user++) {
                    accessTokens[user] = target.tokensOf(user).path("AccessToken").asText();
                }
            }
            return accessTokens;
        }
    }

    private static List<String> list(String commaSeparated) {
        return commaSeparated.isBlank() ? List.of() : Arrays.asList(commaSeparated.split(","));
    }

    /** The machine's load averages over 1, 5 and 15 minutes, as uptime prints them: the figures share the cores. */
    private static String uptime() {
        try {
            String[] averages = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return "load average " + averages[0] + " " + averages[1] + " " + averages[2];
        } catch (IOException e) {
            return "load average unknown";
        }
    }

    /** Prints the rates (the results file) and, per flow, what the database took per request (the statements file). */
    private static void report(Path results, Path statements) throws IOException {
        System.out.println("== requests per second (one node; server and database CPU per request)");
        for (String line : Files.readAllLines(results)) {
            Result r = Result.fromTsv(line);
            if (r.label().startsWith("scaling ")) {
                System.out.printf(Locale.ROOT, "  %-40s %3d clients %8.1f/s  p50 %6.2f ms  p99 %7.2f ms  server CPU "
                                + "%5.2f ms  database CPU %5.2f ms  driver %5.2f ms  errors %d%n", r.label(),
                        r.clients(), r.perSecond(), r.p50Ms(), r.p99Ms(), r.serverCpuMs(), r.upstreamCpuMs(),
                        r.driverCpuMs(), r.errors());
            } else {
                System.out.println("  " + r.line());
            }
        }
        if (statements == null || !Files.exists(statements)) {
            return;
        }
        System.out.println("== what the database took per request (pg_stat_statements, pg_stat_database, "
                + "pg_stat_user_tables; the idle server's own rate taken out)");
        String shown = "";
        for (String line : Files.readAllLines(statements)) {
            String[] f = line.split("\t", 4);
            if (f[1].startsWith("statement ")) {
                continue;
            }
            if (!f[0].equals(shown)) {
                shown = f[0];
                System.out.println("-- " + shown);
            }
            if (f[1].equals("statement")) {
                System.out.printf(Locale.ROOT, "    %6.2f x %s%n", Double.parseDouble(f[3]), f[2].length() > 150
                        ? f[2].substring(0, 150) + "..." : f[2]);
            } else {
                System.out.printf(Locale.ROOT, "  %-9s %-40s %10.3f%n", f[1], f[2], Double.parseDouble(f[3]));
            }
        }
    }
}
