package io.gatehouse.providers.userstore.jdbc;

import io.gatehouse.api.provider.ProviderBusyException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class Argon2idHasherTest {

    static List<Argon2Function> implementations() {
        return List.of(new BouncyCastleArgon2(), new NativeArgon2());
    }

    private static Argon2idHasher hasher(Argon2Function function) {
        return new Argon2idHasher(1024, 1, 1, 1, function);
    }

    @ParameterizedTest
    @MethodSource("implementations")
    void hashWhenMadeThenPhcStringWithParametersAndFreshSalt(Argon2Function function) {
        Argon2idHasher hasher = hasher(function);
        String first = hasher.hash("pässword");
        String second = hasher.hash("pässword");

        assertThat(first).startsWith("$argon2id$v=19$m=1024,t=1,p=1$");
        assertThat(first).isNotEqualTo(second);
        assertThat(hasher.verify(first, "pässword")).isTrue();
        assertThat(hasher.verify(first, "password")).isFalse();
    }

    @ParameterizedTest
    @MethodSource("implementations")
    void verifyWhenHashIsAKnownVectorThenMatches(Argon2Function function) {
        // Made by the reference implementation's command-line tool (Debian's argon2):
        //   echo -n password | argon2 somesalt -id -t 1 -m 10 -p 1 -l 32 -e
        String reference = "$argon2id$v=19$m=1024,t=1,p=1$c29tZXNhbHQ$"
                + "yOmu3JVvan3/Ck1ClA32KGI/Mo6hI1AFq6yTPFcJPiM";
        assertThat(hasher(function).verify(reference, "password")).isTrue();
        assertThat(hasher(function).verify(reference, "passwore")).isFalse();
    }

    @Test
    void hashesMadeByOneImplementationVerifyWithTheOther() {
        Argon2idHasher java = new Argon2idHasher(2048, 2, 2, 1, new BouncyCastleArgon2());
        Argon2idHasher c = new Argon2idHasher(2048, 2, 2, 1, new NativeArgon2());

        assertThat(c.verify(java.hash("correct horse"), "correct horse")).isTrue();
        assertThat(java.verify(c.hash("correct horse"), "correct horse")).isTrue();
        assertThat(java.verify(c.hash("correct horse"), "correct hors")).isFalse();
    }

    @ParameterizedTest
    @MethodSource("implementations")
    void hashWhenPasswordIsEmptyThenHashedLikeAnyOther(Argon2Function function) {
        // A sign-in form posted without its password: answered as a wrong password, not a failure.
        Argon2idHasher hasher = hasher(function);
        String empty = hasher.hash("");

        assertThat(hasher.verify(empty, "")).isTrue();
        assertThat(hasher.verify(empty, "x")).isFalse();
        assertThat(hasher.verify(hasher.hash("x"), "")).isFalse();
        assertThat(hasher(new BouncyCastleArgon2()).verify(empty, "")).isTrue();
    }

    @Test
    void bestWhenTheNativeLibraryLoadsThenIsNative() {
        // This platform (Linux x86-64) has a libargon2 build in argon2-jvm; elsewhere best() is Bouncy Castle.
        assertThat(Argon2Function.best()).isInstanceOf(NativeArgon2.class);
    }

    @Test
    void spendCheckWhenNoUserThenHashesAsACheckWouldAndTheStandInIsMadeOnce() {
        AtomicInteger hashes = new AtomicInteger();
        Argon2Function counting = new Argon2Function() {
            @Override
            public byte[] hash(byte[] password, byte[] salt, int memoryKib, int iterations, int parallelism,
                               int length) {
                hashes.incrementAndGet();
                return new BouncyCastleArgon2().hash(password, salt, memoryKib, iterations, parallelism, length);
            }

            @Override
            public String description() {
                return "counting";
            }
        };
        Argon2idHasher hasher = new Argon2idHasher(1024, 1, 1, 1, counting);

        hasher.spendCheck("first guess");
        hasher.spendCheck("second guess");

        assertThat(hashes).as("one stand-in hash, then one check per call").hasValue(3);
    }

    @Test
    void needsRehashWhenParametersWeakerOrUnreadableThenTrue() {
        Argon2idHasher hasher = hasher(new BouncyCastleArgon2());
        String weak = new Argon2idHasher(512, 1, 1, 1, new BouncyCastleArgon2()).hash("p");

        assertThat(hasher.needsRehash(weak)).isTrue();
        assertThat(hasher.needsRehash(hasher.hash("p"))).isFalse();
        assertThat(hasher.needsRehash("$2a$10$bcrypt")).isTrue();
        assertThat(hasher.verify("garbage", "p")).isFalse();
    }

    @Test
    void hashWhenManyCallersThenOnlyTheHashersOwnThreadsHashAtMostConcurrencyAtOnce() throws Exception {
        Set<String> hashingThreads = ConcurrentHashMap.newKeySet();
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        Argon2Function watched = new Argon2Function() {
            @Override
            public byte[] hash(byte[] password, byte[] salt, int memoryKib, int iterations, int parallelism,
                               int length) {
                hashingThreads.add(Thread.currentThread().getName());
                mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
                try {
                    return new BouncyCastleArgon2().hash(password, salt, memoryKib, iterations, parallelism, length);
                } finally {
                    running.decrementAndGet();
                }
            }

            @Override
            public String description() {
                return "watched";
            }
        };
        Argon2idHasher hasher = new Argon2idHasher(1024, 1, 1, 2, watched);
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> callers = new ArrayList<>();
        Set<String> verified = ConcurrentHashMap.newKeySet();
        for (int i = 0; i < 12; i++) {
            String password = "password " + i;
            Thread caller = new Thread(() -> {
                try {
                    start.await();
                    if (hasher.verify(hasher.hash(password), password)) {
                        verified.add(password);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            callers.add(caller);
            caller.start();
        }
        start.countDown();
        for (Thread caller : callers) {
            caller.join();
        }

        assertThat(verified).hasSize(12);
        assertThat(hashingThreads).hasSize(2).allMatch(name -> name.startsWith("gatehouse-argon2id-"));
        assertThat(mostAtOnce.get()).isLessThanOrEqualTo(2);

        hasher.close();
        assertThatThrownBy(() -> hasher.hash("after close")).isInstanceOf(RejectedExecutionException.class);
    }

    /** An Argon2 function that holds each hash until the test lets it go. */
    private static final class HeldArgon2 implements Argon2Function {
        final CountDownLatch release = new CountDownLatch(1);
        final CountDownLatch started = new CountDownLatch(1);
        final AtomicInteger hashed = new AtomicInteger();

        @Override
        public byte[] hash(byte[] password, byte[] salt, int memoryKib, int iterations, int parallelism, int length) {
            started.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            hashed.incrementAndGet();
            return new BouncyCastleArgon2().hash(password, salt, memoryKib, iterations, parallelism, length);
        }

        @Override
        public String description() {
            return "held";
        }
    }

    @Test
    void hashWhenQueueFullThenBusyAtOnceAndQueuedHashesStillFinish() throws Exception {
        HeldArgon2 held = new HeldArgon2();
        Argon2idHasher hasher = new Argon2idHasher(1024, 1, 1, new HashLimits(1, 1, Duration.ofSeconds(30)), held);
        List<Thread> callers = new ArrayList<>();
        Set<String> hashed = ConcurrentHashMap.newKeySet();
        for (String password : List.of("running", "queued")) {
            Thread caller = new Thread(() -> hashed.add(hasher.hash(password)));
            callers.add(caller);
            caller.start();
            if (password.equals("running")) {
                held.started.await();
            }
        }
        while (hasher.queued() < 1) {
            Thread.sleep(5);
        }

        long before = System.nanoTime();
        assertThatThrownBy(() -> hasher.hash("one too many")).isInstanceOf(ProviderBusyException.class)
                .hasMessageContaining("queue is full");
        assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(Duration.ofSeconds(1));

        held.release.countDown();
        for (Thread caller : callers) {
            caller.join();
        }
        assertThat(hashed).hasSize(2);
        hasher.close();
    }

    @Test
    void hashWhenWaitRunsOutThenBusyAndTheQueuedHashNeverRuns() throws Exception {
        HeldArgon2 held = new HeldArgon2();
        Argon2idHasher hasher = new Argon2idHasher(1024, 1, 1, new HashLimits(1, 4, Duration.ofMillis(300)), held);
        Thread running = new Thread(() -> {
            try {
                hasher.hash("running");
            } catch (ProviderBusyException e) {
                // expected: it too waits longer than 300 ms
            }
        });
        running.start();
        held.started.await();

        long before = System.nanoTime();
        assertThatThrownBy(() -> hasher.hash("waits")).isInstanceOf(ProviderBusyException.class)
                .hasMessageContaining("300 ms");
        assertThat(Duration.ofNanos(System.nanoTime() - before)).isBetween(Duration.ofMillis(250), Duration.ofSeconds(5));

        held.release.countDown();
        running.join();
        hasher.close();
        assertThat(hasher.awaitClosed(Duration.ofSeconds(5))).isTrue();
        assertThat(held.hashed).as("only the hash that was running; the timed-out one was taken off the queue")
                .hasValue(1);
    }
}
