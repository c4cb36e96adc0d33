package io.gatehouse.it.fuzz;

import io.gatehouse.it.Gatehouse;

import java.time.Duration;
import java.util.Random;

/**
 * How long a fuzz suite runs and from which seed: {@code gatehouse.it.fuzz.seconds} (the build's
 * {@code it.fuzz.seconds}, 60 by default: CI's bounded run, split between the API and the OAuth endpoints) and
 * {@code gatehouse.it.fuzz.seed} (a number, fixed by default so CI is repeatable, or {@code random} for a new one by
 * hand). The seed is printed so a failure can be replayed.
 */
record FuzzRun(Duration budget, long seed) {

    /** The API suite's share of the budget; the OAuth suite has the rest. */
    static final double API_SHARE = 0.75;

    static FuzzRun of(String suite, double share) {
        long seconds = Long.parseLong(Gatehouse.property("gatehouse.it.fuzz.seconds"));
        String seedText = Gatehouse.property("gatehouse.it.fuzz.seed");
        long seed = "random".equalsIgnoreCase(seedText) ? new Random().nextLong() : Long.parseLong(seedText);
        FuzzRun run = new FuzzRun(Duration.ofMillis((long) (seconds * 1000 * share)), seed);
        System.out.println(suite + ": fuzzing for " + run.budget().toSeconds() + " s from seed " + seed
                + " (replay with -Dit.fuzz.seed=" + seed + ")");
        return run;
    }
}
