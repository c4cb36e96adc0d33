package io.gatehouse.bench;

import de.mkammerer.argon2.Argon2Advanced;
import de.mkammerer.argon2.Argon2Factory;
import de.mkammerer.argon2.Argon2Version;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the password hash alone costs, on one thread and on every core: Argon2id as the jdbc user store computes it,
 * with libargon2 through argon2-jvm where that loads (as on Linux x86-64), else with Bouncy Castle. Sign-ins with
 * that hash cannot beat the every-core rate.
 */
final class HashCost {

    private final int memoryKib;
    private final int iterations;
    private final int parallelism;

    HashCost(int memoryKib, int iterations, int parallelism) {
        this.memoryKib = memoryKib;
        this.iterations = iterations;
        this.parallelism = parallelism;
    }

    /** {@code MEMORY_KIB,ITERATIONS,PARALLELISM}. */
    static HashCost parse(String parameters) {
        String[] p = parameters.split(",");
        if (p.length != 3) {
            throw new IllegalArgumentException("Argon2id parameters are MEMORY_KIB,ITERATIONS,PARALLELISM");
        }
        return new HashCost(Integer.parseInt(p[0].trim()), Integer.parseInt(p[1].trim()), Integer.parseInt(p[2].trim()));
    }

    String label() {
        return "argon2id m=" + memoryKib + ",t=" + iterations + ",p=" + parallelism + " " + (NATIVE == null
                ? "bouncycastle" : "libargon2");
    }

    /** argon2-jvm, or null where its native library does not load. */
    private static final Argon2Advanced NATIVE = loadNative();

    private static Argon2Advanced loadNative() {
        try {
            Argon2Advanced argon2 = Argon2Factory.createAdvanced(Argon2Factory.Argon2Types.ARGON2id);
            argon2.rawHashAdvanced(1, 64, 1, new byte[1], new byte[16], null, null, 32, Argon2Version.V13);
            return argon2;
        } catch (LinkageError | RuntimeException e) {
            return null;
        }
    }

    /** Hashes per second over {@code window}, after as long a warm-up, on {@code threads} threads. */
    double hashesPerSecond(int threads, Duration window) throws InterruptedException {
        run(threads, window);
        return run(threads, window) / (window.toNanos() / 1e9);
    }

    private long run(int threads, Duration window) throws InterruptedException {
        AtomicLong done = new AtomicLong();
        long end = System.nanoTime() + window.toNanos();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread worker = new Thread(() -> {
                byte[] salt = new byte[16];
                byte[] out = new byte[32];
                byte[] password = Users.PASSWORD.getBytes(StandardCharsets.UTF_8);
                while (System.nanoTime() < end) {
                    if (NATIVE != null) {
                        NATIVE.rawHashAdvanced(iterations, memoryKib, parallelism, password, salt, null, null,
                                out.length, Argon2Version.V13);
                        salt[0]++;
                        done.incrementAndGet();
                        continue;
                    }
                    Argon2BytesGenerator generator = new Argon2BytesGenerator();
                    generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                            .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                            .withMemoryAsKB(memoryKib).withIterations(iterations).withParallelism(parallelism)
                            .withSalt(salt).build());
                    generator.generateBytes(password, out);
                    salt[0]++;
                    done.incrementAndGet();
                }
            });
            workers.add(worker);
            worker.start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        return done.get();
    }
}
