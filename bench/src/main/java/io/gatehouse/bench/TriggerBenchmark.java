package io.gatehouse.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatehouse.bench.trigger.ClaimTriggerFactory;
import org.apache.hc.core5.http.io.support.ClassicRequestBuilder;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * bench/triggers.sh's driver: USER_PASSWORD_AUTH sign-ins (InitiateAuth to tokens) on one Gatehouse, in three pools
 * that differ only in their PreTokenGeneration trigger (V1): none; {@code java:bench-claim}, the in-process
 * {@link ClaimTriggerFactory}; and a webhook, {@link WebhookReceiver} in a JVM of its own on loopback. Both triggers
 * add one claim to the ID token. Commands:
 * <pre>
 *   load   --url URL --admin-key K --admin-secret S --pid PID --webhook-url URL --receiver-pid PID --results FILE
 *          [--clients 8] [--seconds 10] [--rounds 5] [--warm-up 3] [--jit-warm-up 240] [--users 64]
 *          [--profile-lib libasyncProfiler.so --profile-prefix PATH- [--profile-seconds 12]]
 *   report FILE          (the same as AuthBenchmark's)
 *   profile FILE.collapsed  (a profile's trigger summary again)
 * </pre>
 * Before any load, and again after the last round, one sign-in in each pool must come back with the claim its
 * trigger adds (and none without a trigger), and the receiver must have refused no signature: a trigger that fails
 * or is skipped cannot pass for a fast one. Then {@code --jit-warm-up} seconds of unrecorded load, the pools in
 * turn, twice round; then {@code --rounds} rounds, each measuring every pool for {@code --seconds} after
 * {@code --warm-up}, the order turned by one each round. Each point records the server's CPU and the receiver's per
 * sign-in.
 */
public final class TriggerBenchmark {

    /** A point's label: this, then the trigger's name. */
    static final String LABEL = "gatehouse fast sign-in trigger-";

    /** The three pools, by the trigger their PreTokenGeneration names. */
    enum Trigger {
        NONE("none", null),
        JAVA("java", ClaimTriggerFactory.VALUE),
        WEBHOOK("webhook", WebhookReceiver.VALUE);

        final String name;
        /** The value of the claim the trigger adds to the ID token; null when there is no trigger. */
        final String claim;

        Trigger(String name, String claim) {
            this.name = name;
            this.claim = claim;
        }

        String label() {
            return LABEL + name;
        }
    }

    private TriggerBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 2 && args[0].equals("report")) {
            Report.print(Path.of(args[1]));
            return;
        }
        if (args.length == 2 && args[0].equals("profile")) {
            CpuProfile.summarizeTrigger(Path.of(args[1]));
            return;
        }
        if (args.length == 0 || !args[0].equals("load")) {
            throw new IllegalArgumentException("usage: load --url URL ... | report FILE | profile FILE");
        }
        load(Options.parse(args, 1));
        System.exit(0); // HttpClient's threads
    }

    private static void load(Map<String, String> o) throws Exception {
        URI url = URI.create(Options.require(o, "url"));
        String adminKey = Options.require(o, "admin-key");
        String adminSecret = Options.require(o, "admin-secret");
        Path results = Path.of(Options.require(o, "results"));
        long pid = Long.parseLong(Options.require(o, "pid"));
        ProcessCpu server = new ProcessCpu(pid);
        ProcessCpu receiver = new ProcessCpu(Long.parseLong(Options.require(o, "receiver-pid")));
        URI webhook = URI.create(Options.require(o, "webhook-url"));
        int clients = Integer.parseInt(o.getOrDefault("clients", "8"));
        int users = Integer.parseInt(o.getOrDefault("users", "64"));
        int rounds = Integer.parseInt(o.getOrDefault("rounds", "5"));
        Duration window = Duration.ofSeconds(Long.parseLong(o.getOrDefault("seconds", "10")));
        Duration warmUp = Duration.ofSeconds(Long.parseLong(o.getOrDefault("warm-up", "3")));
        Duration jitWarmUp = Duration.ofSeconds(Long.parseLong(o.getOrDefault("jit-warm-up", "240")));

        Map<Trigger, GatehouseTarget> pools = new java.util.EnumMap<>(Trigger.class);
        for (Trigger trigger : Trigger.values()) {
            GatehouseTarget target = new GatehouseTarget(url, adminKey, adminSecret);
            switch (trigger) {
                case JAVA -> target.withPreTokenGeneration("java:" + ClaimTriggerFactory.ID);
                case WEBHOOK -> target.withPreTokenGeneration(webhook.toString());
                default -> { }
            }
            target.setUp(users);
            pools.put(trigger, target);
        }
        URI stats = webhook.resolve("/stats");
        checkClaims(pools, stats, "before the load");

        // The JIT: the pools in turn, twice round, so that no pool's path is left to cool while another warms.
        Duration turn = jitWarmUp.dividedBy(2L * Trigger.values().length);
        for (int pass = 0; pass < 2 && !turn.isZero(); pass++) {
            for (Trigger trigger : Trigger.values()) {
                System.out.println(LoadRun.run(trigger.label() + " (JIT warm-up)", clients, Duration.ZERO, turn,
                        server, receiver, signIns(pools.get(trigger), users, clients)).line());
            }
        }

        Trigger[] order = Trigger.values();
        for (int round = 0; round < rounds; round++) {
            for (int i = 0; i < order.length; i++) {
                Trigger trigger = order[(round + i) % order.length];
                AuthBenchmark.record(results, LoadRun.run(trigger.label(), clients, warmUp, window, server, receiver,
                        signIns(pools.get(trigger), users, clients)));
            }
        }
        checkClaims(pools, stats, "after the last round");

        if (o.containsKey("profile-lib")) {
            Path lib = Path.of(o.get("profile-lib"));
            String prefix = Options.require(o, "profile-prefix");
            Duration profiled = Duration.ofSeconds(Long.parseLong(o.getOrDefault("profile-seconds", "12")));
            List<Path> profiles = new ArrayList<>();
            for (Trigger trigger : Trigger.values()) {
                Path out = Path.of(prefix + trigger.name + ".collapsed");
                IntFunction<LoadRun.Step> steps = signIns(pools.get(trigger), users, clients);
                CpuProfile.start(lib, pid, true);
                Result result = LoadRun.run(trigger.label() + " (profiled)", clients, Duration.ZERO, profiled, server,
                        receiver, steps);
                CpuProfile.stop(lib, pid, out);
                System.out.println(result.line());
                profiles.add(out);
            }
            for (Path profile : profiles) {
                CpuProfile.summarizeTrigger(profile);
            }
        }
    }

    /** Client {@code client}'s sign-ins, cycling through its share of the pool's users. */
    private static IntFunction<LoadRun.Step> signIns(GatehouseTarget pool, int users, int clients) {
        return LoadRun.cycling(users, clients, pool::signIn);
    }

    /**
     * One sign-in in each pool, its ID token read: the claim its trigger adds, with the trigger's value, and no such
     * claim without a trigger; and the receiver's count of refused signatures, which must be nought.
     */
    private static void checkClaims(Map<Trigger, GatehouseTarget> pools, URI stats, String when) throws Exception {
        for (Trigger trigger : Trigger.values()) {
            JsonNode claims = payload(pools.get(trigger).idTokenOf(0));
            JsonNode claim = claims.path(ClaimTriggerFactory.CLAIM);
            boolean right = trigger.claim == null ? claim.isMissingNode() : trigger.claim.equals(claim.asText(null));
            if (!right) {
                throw new IllegalStateException("the pool with trigger " + trigger.name + " signed an ID token with "
                        + ClaimTriggerFactory.CLAIM + "=" + claim + " (" + when + "), expected "
                        + (trigger.claim == null ? "none" : trigger.claim) + ": " + claims);
            }
            System.out.printf("trigger %-7s: the ID token carries %s (%s)%n", trigger.name,
                    trigger.claim == null ? "no " + ClaimTriggerFactory.CLAIM + " claim"
                            : ClaimTriggerFactory.CLAIM + "=" + claim.asText(), when);
        }
        JsonNode counts = Http.send(ClassicRequestBuilder.get(stats));
        System.out.println("webhook receiver: " + counts + " (" + when + ")");
        if (counts.path("refused").asLong(-1) != 0 || counts.path("events").asLong() < 1) {
            throw new IllegalStateException("the webhook receiver refused signatures or got no event: " + counts);
        }
    }

    /** A JWT's claims, unchecked: the driver only reads what the server put in. */
    private static JsonNode payload(String jwt) throws IOException {
        String[] parts = jwt.split("\\.");
        if (parts.length != 3) {
            throw new IOException("not a JWT: " + Http.abbreviate(jwt));
        }
        return Http.JSON.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
    }
}
