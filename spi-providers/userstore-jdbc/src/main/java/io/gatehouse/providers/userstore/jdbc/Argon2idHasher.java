package io.gatehouse.providers.userstore.jdbc;

import io.gatehouse.api.provider.ProviderBusyException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Argon2id password hashes as PHC strings ({@code $argon2id$v=19$m=19456,t=2,p=1$salt$hash}), so each hash
 * carries its parameters: they can be raised later and old hashes still verify, then get rehashed.
 *
 * <p>Hashes run on {@code concurrency} threads of the hasher's own (by default one per core), and a request thread
 * hands its hash over and waits. Argon2 is bound by memory bandwidth: eight 19 MiB hashes at once on two cores
 * thrash the caches and together finish fewer hashes a second than two at a time do (32/s against 51/s, measured
 * with bench/auth.sh's hash command). Two at a time is not enough, though, if it is any two of the server's request
 * threads: 32 threads taking turns through a two-permit semaphore hashed 86–90/s where two dedicated threads did
 * 105–111/s, measured side by side in one JVM (presumably because each hash's 19 MiB then comes from an allocator
 * arena, and memory, that the previous hash just warmed).
 *
 * <p>The queue in front of the threads is bounded and so is a caller's wait ({@link HashLimits}): a hash that finds
 * the queue full, or waits too long, fails at once with {@link ProviderBusyException}, which the engine answers as
 * Cognito's TooManyRequestsException.
 *
 * <p>The threads are plain daemon threads rather than the container's managed ones: they only run the hash function
 * over bytes they are handed, and need no naming context, transaction or security identity. {@link #close} ends
 * them.
 */
final class Argon2idHasher implements AutoCloseable {

    /** OWASP's current minimum for Argon2id: 19 MiB, two iterations, one lane. */
    static final int OWASP_MEMORY_KIB = 19 * 1024;
    static final int OWASP_ITERATIONS = 2;
    static final int OWASP_PARALLELISM = 1;

    /** Bounds on imported hashes: a quarter of a GiB per check is already more than any deployment uses. */
    static final int MAX_MEMORY_KIB = 256 * 1024;
    static final int MAX_ITERATIONS = 16;
    static final int MAX_PARALLELISM = 16;

    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64_DECODE = Base64.getDecoder();
    private static final Pattern PHC = Pattern.compile(
            "\\$argon2id\\$v=19\\$m=(\\d{1,8}),t=(\\d{1,4}),p=(\\d{1,3})\\$([A-Za-z0-9+/]+)\\$([A-Za-z0-9+/]+)");

    private final int memoryKib;
    private final int iterations;
    private final int parallelism;
    private final ThreadPoolExecutor hashThreads;
    private final Duration maxWait;
    private final Argon2Function function;
    /** A hash with this hasher's parameters, for {@link #spendCheck}; made once, when first needed. */
    private volatile String standIn;

    /**
     * @param memoryKib   memory cost in KiB
     * @param iterations  time cost
     * @param parallelism lanes
     * @param concurrency how many hashes may run at once: the number of threads that run them
     * @param function    the Argon2id implementation
     */
    Argon2idHasher(int memoryKib, int iterations, int parallelism, int concurrency, Argon2Function function) {
        this(memoryKib, iterations, parallelism, HashLimits.of(concurrency), function);
    }

    /**
     * @param memoryKib   memory cost in KiB
     * @param iterations  time cost
     * @param parallelism lanes
     * @param limits      how many hashes run at once, how many may wait, and for how long
     * @param function    the Argon2id implementation
     */
    Argon2idHasher(int memoryKib, int iterations, int parallelism, HashLimits limits, Argon2Function function) {
        if (memoryKib < 8 * parallelism || iterations < 1 || parallelism < 1) {
            throw new IllegalArgumentException("Argon2id needs memory >= 8 KiB per lane, and iterations and "
                    + "parallelism of at least 1");
        }
        this.memoryKib = memoryKib;
        this.iterations = iterations;
        this.parallelism = parallelism;
        this.function = function;
        this.maxWait = limits.maxWait();
        BlockingQueue<Runnable> queue = limits.queue() == 0 ? new SynchronousQueue<>()
                : new ArrayBlockingQueue<>(limits.queue());
        // A fixed pool whose full queue refuses (AbortPolicy): the caller hears at once instead of waiting.
        this.hashThreads = new ThreadPoolExecutor(limits.concurrency(), limits.concurrency(), 0L,
                TimeUnit.MILLISECONDS, queue, hashThreadFactory(), new ThreadPoolExecutor.AbortPolicy());
    }

    private static ThreadFactory hashThreadFactory() {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "gatehouse-argon2id-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** OWASP's parameters, one hash per core at a time, with the best implementation here. */
    static Argon2idHasher owasp() {
        return new Argon2idHasher(OWASP_MEMORY_KIB, OWASP_ITERATIONS, OWASP_PARALLELISM, cores(),
                Argon2Function.best());
    }

    static int cores() {
        return Runtime.getRuntime().availableProcessors();
    }

    /** A new hash of {@code password} with a fresh salt. */
    String hash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        byte[] hash = derive(password, salt, memoryKib, iterations, parallelism, HASH_BYTES);
        return "$argon2id$v=19$m=" + memoryKib + ",t=" + iterations + ",p=" + parallelism + "$"
                + B64.encodeToString(salt) + "$" + B64.encodeToString(hash);
    }

    /** Whether {@code password} matches {@code phc}; false for a hash this class cannot read. */
    boolean verify(String phc, String password) {
        Optional<Matcher> parsed = parse(phc);
        if (parsed.isEmpty()) {
            return false;
        }
        Matcher m = parsed.get();
        byte[] expected = B64_DECODE.decode(m.group(5));
        byte[] actual = derive(password, B64_DECODE.decode(m.group(4)), Integer.parseInt(m.group(1)),
                Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)), expected.length);
        return MessageDigest.isEqual(expected, actual);
    }

    /**
     * Hashes {@code password} as a check against a stored hash would, and throws the result away: the time a
     * check for a user who does not exist must take.
     */
    void spendCheck(String password) {
        String stand = standIn;
        if (stand == null) {
            stand = hash("stand-in for users who do not exist");
            standIn = stand;
        }
        verify(stand, password);
    }

    /** Whether {@code phc} was made with weaker parameters than this hasher's, or cannot be read. */
    boolean needsRehash(String phc) {
        return parse(phc).map(m -> Integer.parseInt(m.group(1)) < memoryKib
                || Integer.parseInt(m.group(2)) < iterations
                || Integer.parseInt(m.group(3)) < parallelism).orElse(true);
    }

    /** Whether {@code phc} is an Argon2id hash this class reads, whatever its parameters. */
    static boolean reads(String phc) {
        return parse(phc).isPresent();
    }

    /**
     * Checks that an Argon2id hash made elsewhere costs no more than a sign-in may spend: at most
     * {@value #MAX_MEMORY_KIB} KiB, {@value #MAX_ITERATIONS} passes and {@value #MAX_PARALLELISM} lanes.
     *
     * @throws IllegalArgumentException naming the parameter out of bounds
     */
    static void checkImportable(String phc) {
        Matcher m = parse(phc).orElseThrow(() -> new IllegalArgumentException(
                "not an Argon2id hash: expected $argon2id$v=19$m=<KiB>,t=<passes>,p=<lanes>$<salt>$<hash>"));
        int memory = Integer.parseInt(m.group(1));
        int passes = Integer.parseInt(m.group(2));
        int lanes = Integer.parseInt(m.group(3));
        if (memory > MAX_MEMORY_KIB || passes > MAX_ITERATIONS || lanes > MAX_PARALLELISM || lanes < 1 || passes < 1
                || memory < 8 * lanes) {
            throw new IllegalArgumentException("Argon2id parameters m=" + memory + ",t=" + passes + ",p=" + lanes
                    + " are outside m<=" + MAX_MEMORY_KIB + ", t<=" + MAX_ITERATIONS + ", p<=" + MAX_PARALLELISM);
        }
        if (B64_DECODE.decode(m.group(5)).length < 16) {
            throw new IllegalArgumentException("an Argon2id hash of fewer than 16 bytes is too short to check");
        }
    }

    private static Optional<Matcher> parse(String phc) {
        Matcher m = PHC.matcher(phc == null ? "" : phc);
        return m.matches() ? Optional.of(m) : Optional.empty();
    }

    private byte[] derive(String password, byte[] salt, int memoryKib, int iterations, int parallelism,
                          int length) {
        byte[] secret = password.getBytes(StandardCharsets.UTF_8);
        Future<byte[]> hash;
        try {
            hash = hashThreads.submit(() -> function.hash(secret, salt, memoryKib, iterations, parallelism, length));
        } catch (RejectedExecutionException e) {
            if (hashThreads.isShutdown()) {
                throw e;
            }
            throw new ProviderBusyException("The password hash queue is full (" + hashThreads.getQueue().size()
                    + " waiting for " + hashThreads.getMaximumPoolSize() + " threads).");
        }
        try {
            return hash.get(maxWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            // Still queued: it never runs. Running: it finishes and its result is dropped (a hash cannot be stopped).
            hash.cancel(false);
            if (hash instanceof Runnable queued) {
                hashThreads.remove(queued); // frees its place in the queue now, not when a thread gets to it
            }
            throw new ProviderBusyException("No password hash in " + maxWait.toMillis() + " ms.");
        } catch (InterruptedException e) {
            hash.cancel(false);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a password hash", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("the password hash failed", e.getCause());
        }
    }

    /** Hashes waiting for a thread now. */
    int queued() {
        return hashThreads.getQueue().size();
    }

    /** Waits until {@link #close} has let every hash handed over finish; false if that takes longer than {@code limit}. */
    boolean awaitClosed(Duration limit) throws InterruptedException {
        return hashThreads.awaitTermination(limit.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Ends the hash threads; hashes already handed over still finish. */
    @Override
    public void close() {
        hashThreads.shutdown();
    }
}
