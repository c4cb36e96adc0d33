package io.gatehouse.bench;

import io.gatehouse.federation.saml.testing.TestSamlIdp;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

/**
 * bench/saml.sh's driver: SAML responses consumed per second at a Gatehouse pool's {@code /saml2/idpresponse},
 * IdP-initiated, signed and signed-and-encrypted, beside the cryptography each needs at the least. Commands:
 * <pre>
 *   load   --url URL --admin-key K --admin-secret S --pid PID --results FILE [--clients 8] [--seconds 20]
 *          [--rounds 3] [--warm-up 3] [--jit-warm-up 60] [--users 1000] [--bound-seconds 1]
 *          [--profile-lib libasyncProfiler.so --profile-prefix PATH- [--profile-seconds 15]]
 *   report FILE          (the same as AuthBenchmark's)
 *   profile FILE.collapsed  (a profile summed up again)
 * </pre>
 * {@code load} makes a pool with two SAML IdPs of one test IdP ({@link SamlSignIns}), warms the server up for
 * {@code --jit-warm-up} seconds of load on responses signed in turns before it, then in {@code --rounds} interleaved
 * rounds measures each kind for {@code --seconds} at {@code --clients} closed-loop clients on responses all signed
 * (and encrypted) before the point, while the server waited: signing is never in the timed path. The bound ({@link SamlCost}) is measured in this JVM before each round
 * and after the last, while the server waits. With {@code --profile-lib}, one more point of each kind runs with
 * async-profiler attached to the server, unrecorded, and its collapsed stacks ({@code <prefix>signed.collapsed},
 * {@code <prefix>encrypted.collapsed}) are summed up.
 */
public final class SamlBenchmark {

    /**
     * Responses signed for a point beyond what the fastest point of its kind so far took: a faster point must not run
     * out. One that does is run again with twice as many, after signing them: minutes lost.
     */
    private static final double SUPPLY_MARGIN = 1.3;
    /** The first point's responses beyond the last warm-up turn's rate (the JIT is still at work there). */
    private static final double FIRST_POINT_MARGIN = 1.6;
    /** The responses of a warm-up turn: about this many seconds' worth. */
    private static final int WARM_UP_TURN_SECONDS = 10;

    private SamlBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 2 && args[0].equals("report")) {
            Report.print(Path.of(args[1]));
            return;
        }
        if (args.length == 2 && args[0].equals("profile")) {
            CpuProfile.summarize(Path.of(args[1]));
            return;
        }
        if (args.length == 0 || !args[0].equals("load")) {
            throw new IllegalArgumentException("usage: load --url URL ... | report FILE");
        }
        load(Options.parse(args, 1));
        System.exit(0); // HttpClient's and the common pool's threads
    }

    private static void load(Map<String, String> o) throws Exception {
        URI url = URI.create(Options.require(o, "url"));
        Path results = Path.of(Options.require(o, "results"));
        long pid = Long.parseLong(Options.require(o, "pid"));
        ProcessCpu cpu = new ProcessCpu(pid);
        int clients = Integer.parseInt(o.getOrDefault("clients", "8"));
        Duration window = Duration.ofSeconds(Long.parseLong(o.getOrDefault("seconds", "20")));
        Duration warmUp = Duration.ofSeconds(Long.parseLong(o.getOrDefault("warm-up", "3")));
        Duration jitWarmUp = Duration.ofSeconds(Long.parseLong(o.getOrDefault("jit-warm-up", "60")));
        Duration boundWindow = Duration.ofMillis((long) (1000 * Double.parseDouble(o.getOrDefault("bound-seconds",
                "1"))));
        int rounds = Integer.parseInt(o.getOrDefault("rounds", "3"));
        int users = Integer.parseInt(o.getOrDefault("users", "1000"));

        TestSamlIdp idp = new TestSamlIdp();
        Target target = new GatehouseTarget(url, Options.require(o, "admin-key"), Options.require(o, "admin-secret"));
        target.setUp(0);
        SamlSignIns signIns = new SamlSignIns(idp, target.setUpSaml(idp.metadataXml()), users);
        for (SamlSignIns.Kind kind : SamlSignIns.Kind.values()) {
            signIns.post(signIns.form(kind)); // fails the run at once if the set-up is wrong
        }

        // The JIT: --jit-warm-up seconds of load, the kinds in turn, each turn on about 10 s worth of responses signed
        // before it (the server waits meanwhile). The NameIDs cycle, so the users are all made here and every measured
        // sign-in is a returning user's. The server is still getting faster at the end (1.5 ms of CPU a signed
        // response in the last turn, 1.1 ms in the points, on 2026-12-06), so the first point of each kind gets
        // FIRST_POINT_MARGIN times the responses the last turn's rate asks for; then the fastest point so far sizes
        // the next ones, so that a slow minute (other processes) does not leave the next point short.
        Map<SamlSignIns.Kind, Double> lastTurn = new EnumMap<>(SamlSignIns.Kind.class);
        Map<SamlSignIns.Kind, Double> fastest = new EnumMap<>(SamlSignIns.Kind.class);
        SamlSignIns.Kind[] kinds = SamlSignIns.Kind.values();
        double loaded = 0;
        for (int turn = 0; loaded < jitWarmUp.toSeconds() || turn % kinds.length != 0 || turn == 0; turn++) {
            SamlSignIns.Kind kind = kinds[turn % kinds.length];
            int count = Math.max(500, (int) (lastTurn.getOrDefault(kind, 0.0) * WARM_UP_TURN_SECONDS));
            Drained drained = drain(signIns, signIns.presign(kind, count), clients, cpu);
            lastTurn.put(kind, drained.perSecond());
            loaded += count / drained.perSecond();
            System.out.printf(Locale.ROOT, "%s (JIT warm-up): %d at %.1f/s, server CPU %.2f ms a response%n",
                    label(kind), count, drained.perSecond(), drained.serverCpuMs());
        }

        for (int round = 0; round < rounds; round++) {
            SamlCost.measure(signIns, boundWindow).record(results);
            for (SamlSignIns.Kind kind : SamlSignIns.Kind.values()) {
                Result result = point(signIns, kind, clients, warmUp, window, cpu, fastest.getOrDefault(kind,
                        lastTurn.get(kind) * FIRST_POINT_MARGIN), label(kind));
                fastest.merge(kind, result.perSecond(), Math::max);
                AuthBenchmark.record(results, result);
            }
        }
        SamlCost.measure(signIns, boundWindow).record(results);

        if (o.containsKey("profile-lib")) {
            Path lib = Path.of(o.get("profile-lib"));
            String prefix = Options.require(o, "profile-prefix");
            Duration profiled = Duration.ofSeconds(Long.parseLong(o.getOrDefault("profile-seconds", "15")));
            for (SamlSignIns.Kind kind : SamlSignIns.Kind.values()) {
                SamlSignIns.Supply supply = signIns.presign(kind, supplyFor(fastest.getOrDefault(kind,
                        lastTurn.get(kind) * FIRST_POINT_MARGIN), profiled));
                Path out = Path.of(prefix + kind.flow.substring("saml-".length()) + ".collapsed");
                CpuProfile.start(lib, pid);
                Result result = LoadRun.run(label(kind) + " (profiled)", clients, Duration.ZERO, profiled, cpu,
                        c -> step(signIns, supply));
                CpuProfile.stop(lib, pid, out);
                System.out.println(result.line() + (supply.ranOut() ? "  (ran out of responses)" : ""));
                CpuProfile.summarize(out);
            }
        }
    }

    private static String label(SamlSignIns.Kind kind) {
        return "gatehouse fast " + kind.flow;
    }

    /**
     * One measured point on responses signed before it, enough for {@code expected} per second. A point whose clients
     * ran out of responses is not a measurement: it is run again with more.
     */
    private static Result point(SamlSignIns signIns, SamlSignIns.Kind kind, int clients, Duration warmUp,
                                Duration window, ProcessCpu cpu, double expected, String label) throws Exception {
        for (int attempt = 0; ; attempt++) {
            SamlSignIns.Supply supply = signIns.presign(kind, supplyFor(expected, warmUp.plus(window)));
            Result result = LoadRun.run(label, clients, warmUp, window, cpu, c -> step(signIns, supply));
            if (!supply.ranOut()) {
                return result;
            }
            if (attempt == 3) {
                throw new IllegalStateException(label + " ran out of pre-signed responses four times");
            }
            System.out.printf(Locale.ROOT, "  (%s ran out of its %d responses; again with twice as many)%n", label,
                    supply.size());
            // The rate it read is low: the window went on after the last response was taken.
            double taken = supply.size() * 1000.0 / warmUp.plus(window).toMillis();
            expected = 2 * Math.max(expected, taken);
        }
    }

    private static int supplyFor(double perSecond, Duration time) {
        return (int) Math.ceil(perSecond * time.toMillis() / 1000.0 * SUPPLY_MARGIN) + 200;
    }

    /** A client's next request: the next pre-signed response. */
    private static LoadRun.Step step(SamlSignIns signIns, SamlSignIns.Supply supply) {
        return () -> {
            byte[] form = supply.take();
            if (form == null) {
                Thread.sleep(1); // not a spin: the point is run again anyway
                throw new IllegalStateException("ran out of pre-signed responses");
            }
            signIns.post(form);
        };
    }

    /** A supply posted as fast as it goes: responses per second, and the server's CPU per response. */
    private record Drained(double perSecond, double serverCpuMs) {
    }

    /** Posts a whole supply from {@code clients} threads. */
    private static Drained drain(SamlSignIns signIns, SamlSignIns.Supply supply, int clients, ProcessCpu cpu)
            throws Exception {
        CountDownLatch done = new CountDownLatch(clients);
        AtomicReference<Exception> failed = new AtomicReference<>();
        long started = System.nanoTime();
        double cpuBefore = cpu.seconds();
        for (int c = 0; c < clients; c++) {
            new Thread(() -> {
                try {
                    for (byte[] form = supply.take(); form != null; form = supply.take()) {
                        signIns.post(form);
                    }
                } catch (Exception e) {
                    failed.compareAndSet(null, e);
                } finally {
                    done.countDown();
                }
            }, "drain-" + c).start();
        }
        done.await();
        if (failed.get() != null) {
            throw failed.get();
        }
        return new Drained(supply.size() / ((System.nanoTime() - started) / 1e9),
                (cpu.seconds() - cpuBefore) * 1000 / supply.size());
    }
}
