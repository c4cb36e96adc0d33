package io.gatehouse.bench;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * bench/threats.sh's driver (issue 29's benchmark: reported, not a gate): USER_PASSWORD_AUTH sign-ins (InitiateAuth
 * to tokens) with every threat protection on, beside the same with every one off, in one run. Two Gatehouse servers
 * of one build run side by side, taking load in turn: "on" with the defaults (brute-force locks and the per-address
 * bucket, the breached-password lookup, adaptive authentication and its auth event) in a pool left at Gatehouse's
 * default mode (ENFORCED); "off" started with {@code gatehouse.lockout.enabled=false}, its pool's
 * AdvancedSecurityMode OFF. Commands:
 * <pre>
 *   load   --on-url URL --on-pid PID --off-url URL --off-pid PID --admin-key K --admin-secret S --results FILE
 *          [--clients 8] [--seconds 10] [--rounds 5] [--warm-up 3] [--jit-warm-up 240] [--users 64]
 *   report FILE          (the same as AuthBenchmark's)
 * </pre>
 * After {@code --jit-warm-up} seconds of unrecorded load, split between the servers in turn, {@code --rounds}
 * rounds measure each server for {@code --seconds} after {@code --warm-up}, the order turned each round; each point
 * records its server's CPU per sign-in. Before and after the load, the "on" pool's users must have an auth event
 * each and the "off" pool's none, or the protections did not run (or ran where they should not).
 */
public final class ThreatBenchmark {

    /** A point's label: this, then {@code on} or {@code off}. */
    static final String LABEL = "gatehouse fast sign-in threat-protection-";

    private ThreatBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 2 && args[0].equals("report")) {
            Report.print(Path.of(args[1]));
            return;
        }
        if (args.length == 0 || !args[0].equals("load")) {
            throw new IllegalArgumentException("usage: load --on-url URL ... | report FILE");
        }
        load(Options.parse(args, 1));
        System.exit(0); // HttpClient's threads
    }

    private record Side(String name, GatehouseTarget pool, ProcessCpu cpu) {
        String label() {
            return LABEL + name;
        }
    }

    private static void load(Map<String, String> o) throws Exception {
        String adminKey = Options.require(o, "admin-key");
        String adminSecret = Options.require(o, "admin-secret");
        Path results = Path.of(Options.require(o, "results"));
        int clients = Integer.parseInt(o.getOrDefault("clients", "8"));
        int users = Integer.parseInt(o.getOrDefault("users", "64"));
        int rounds = Integer.parseInt(o.getOrDefault("rounds", "5"));
        Duration window = Duration.ofSeconds(Long.parseLong(o.getOrDefault("seconds", "10")));
        Duration warmUp = Duration.ofSeconds(Long.parseLong(o.getOrDefault("warm-up", "3")));
        Duration jitWarmUp = Duration.ofSeconds(Long.parseLong(o.getOrDefault("jit-warm-up", "240")));

        Side on = new Side("on", new GatehouseTarget(URI.create(Options.require(o, "on-url")), adminKey, adminSecret),
                new ProcessCpu(Long.parseLong(Options.require(o, "on-pid"))));
        Side off = new Side("off", new GatehouseTarget(URI.create(Options.require(o, "off-url")), adminKey,
                adminSecret).withThreatProtection("OFF"), new ProcessCpu(Long.parseLong(Options.require(o, "off-pid"))));
        Side[] sides = {on, off};
        for (Side side : sides) {
            side.pool().setUp(users);
        }
        checkEvents(on, off, "before the load");

        Duration turn = jitWarmUp.dividedBy(2L * sides.length);
        for (int pass = 0; pass < 2 && !turn.isZero(); pass++) {
            for (Side side : sides) {
                System.out.println(LoadRun.run(side.label() + " (JIT warm-up)", clients, Duration.ZERO, turn,
                        side.cpu(), signIns(side.pool(), users, clients)).line());
            }
        }
        for (int round = 0; round < rounds; round++) {
            for (int i = 0; i < sides.length; i++) {
                Side side = sides[(round + i) % sides.length];
                AuthBenchmark.record(results, LoadRun.run(side.label(), clients, warmUp, window, side.cpu(),
                        signIns(side.pool(), users, clients)));
            }
        }
        checkEvents(on, off, "after the last round");
    }

    /** Client {@code client}'s sign-ins, cycling through its share of the pool's users. */
    private static IntFunction<LoadRun.Step> signIns(GatehouseTarget pool, int users, int clients) {
        return LoadRun.cycling(users, clients, pool::signIn);
    }

    /**
     * One sign-in on each side, then its user's auth events: the "on" pool must have recorded it, the "off" pool
     * (mode OFF) must answer that threat protection is off.
     */
    private static void checkEvents(Side on, Side off, String when) throws Exception {
        on.pool().signIn(0);
        off.pool().signIn(0);
        int onEvents = on.pool().authEventCount(0);
        String offAnswer = off.pool().authEventsRefusal(0);
        System.out.printf("threat protection on: user 0 has %d auth event(s); off: %s (%s)%n", onEvents, offAnswer,
                when);
        if (onEvents < 1 || !offAnswer.equals("UserPoolAddOnNotEnabledException")) {
            throw new IllegalStateException("threat protection did not run as configured (" + when + ")");
        }
    }
}
