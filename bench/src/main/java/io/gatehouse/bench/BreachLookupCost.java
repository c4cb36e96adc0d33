package io.gatehouse.bench;

import io.gatehouse.api.password.BreachedPasswordCheck;
import io.gatehouse.api.password.PasswordSha1;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

/**
 * What the built-in breached-password corpus costs: its load time, its memory (the table's size, and the heap it
 * added), and a lookup as sign-ups and sign-ins pay it (the password's SHA-1, then the binary search), for breached
 * and for random passwords. Run by {@code bench/breached.sh}, with the engine's classes on the class path: the
 * corpus is reached through the api's {@link BreachedPasswordCheck}, as the engine's other sources are.
 */
final class BreachLookupCost {

    private static final String CORPUS = "io.gatehouse.engine.threat.breach.OfflineBreachCorpus";

    private BreachLookupCost() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Runtime runtime = Runtime.getRuntime();
        System.gc();
        long heapBefore = runtime.totalMemory() - runtime.freeMemory();
        long start = System.nanoTime();
        Class<?> type = Class.forName(CORPUS);
        BreachedPasswordCheck corpus = (BreachedPasswordCheck) type.getMethod("builtIn").invoke(null);
        long loadNanos = System.nanoTime() - start;
        System.gc();
        long heapAfter = runtime.totalMemory() - runtime.freeMemory();
        System.out.printf("corpus: %s passwords, table %s bytes, heap +%d KiB, first load %.1f ms%n",
                type.getMethod("size").invoke(corpus), type.getMethod("bytes").invoke(corpus),
                (heapAfter - heapBefore) / 1024, loadNanos / 1e6);

        List<String> breached = List.of("123456", "password", "P@ssw0rd", "qwerty", "iloveyou", "trustno1");
        String[] random = new String[100_000];
        SecureRandom rng = new SecureRandom();
        byte[] bytes = new byte[12];
        for (int i = 0; i < random.length; i++) {
            rng.nextBytes(bytes);
            random[i] = Base64.getEncoder().encodeToString(bytes);
        }
        for (int round = 1; round <= rounds; round++) {
            int found = 0;
            long t0 = System.nanoTime();
            for (String password : random) {
                found += corpus.check(PasswordSha1.of(password)).breached() ? 1 : 0;
            }
            long randomNanos = System.nanoTime() - t0;
            int hits = 0;
            long t1 = System.nanoTime();
            for (int i = 0; i < random.length; i++) {
                hits += corpus.check(PasswordSha1.of(breached.get(i % breached.size()))).breached() ? 1 : 0;
            }
            long breachedNanos = System.nanoTime() - t1;
            long t2 = System.nanoTime();
            int digests = 0;
            for (String password : random) {
                digests += PasswordSha1.of(password).hex().charAt(0);
            }
            long digestNanos = System.nanoTime() - t2;
            System.out.printf("round %d: random %.0f ns/check (%d found of %d), breached %.0f ns/check (%d of %d),"
                            + " SHA-1 alone %.0f ns (%d)%n", round, (double) randomNanos / random.length, found,
                    random.length, (double) breachedNanos / random.length, hits, random.length,
                    (double) digestNanos / random.length, digests % 10);
        }
    }
}
