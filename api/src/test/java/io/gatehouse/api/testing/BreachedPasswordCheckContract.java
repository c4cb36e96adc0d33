package io.gatehouse.api.testing;

import io.gatehouse.api.password.BreachVerdict;
import io.gatehouse.api.password.BreachedPasswordCheck;
import io.gatehouse.api.password.PasswordSha1;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The contract every source of breached passwords keeps (see {@link io.gatehouse.api.password}). A source's test
 * extends it, creates the check from a working configuration (a stand-in server, a small corpus), and names
 * passwords the source knows.
 *
 * <p>What the contract asks: a known breached password is {@code BREACHED}; a random strong one is
 * {@code NOT_FOUND} (never {@code BREACHED}, and not {@code UNAVAILABLE} while the source works); the answer
 * depends on the password exactly as given (another case of a breached password is another password); a verdict
 * is never null; many threads may ask at once; the verdict's detail never holds the digest.
 */
public abstract class BreachedPasswordCheckContract {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** A working check, new for each test. */
    protected abstract BreachedPasswordCheck check();

    /** Passwords the source knows from breaches (at least one). */
    protected abstract List<String> breachedPasswords();

    /** A password made of 24 random bytes: no source knows it. */
    protected static String strongRandomPassword() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return "Gh-" + HexFormat.of().formatHex(bytes) + "!";
    }

    @Test
    void breachedPasswordsAreFound() {
        try (BreachedPasswordCheck check = check()) {
            for (String password : breachedPasswords()) {
                BreachVerdict verdict = check.check(PasswordSha1.of(password));
                assertEquals(BreachVerdict.Outcome.BREACHED, verdict.outcome(), "a breached password");
            }
        }
    }

    @Test
    void randomStrongPasswordsAreNotFound() {
        try (BreachedPasswordCheck check = check()) {
            for (int i = 0; i < 20; i++) {
                BreachVerdict verdict = check.check(PasswordSha1.of(strongRandomPassword()));
                assertNotNull(verdict);
                assertEquals(BreachVerdict.Outcome.NOT_FOUND, verdict.outcome());
            }
        }
    }

    @Test
    void thePasswordCountsExactlyAsGiven() {
        try (BreachedPasswordCheck check = check()) {
            String breached = breachedPasswords().get(0);
            String changed = breached + strongRandomPassword();
            assertEquals(BreachVerdict.Outcome.NOT_FOUND, check.check(PasswordSha1.of(changed)).outcome());
        }
    }

    @Test
    void theVerdictNamesNoDigest() {
        try (BreachedPasswordCheck check = check()) {
            for (String password : breachedPasswords()) {
                PasswordSha1 digest = PasswordSha1.of(password);
                String detail = check.check(digest).detail();
                assertTrue(!detail.contains(digest.hex()) && !detail.contains(password),
                        "the detail names the password or its digest: " + detail);
            }
        }
    }

    @Test
    void manyThreadsMayAskAtOnce() throws Exception {
        List<String> known = breachedPasswords();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try (BreachedPasswordCheck check = check()) {
            List<Callable<Boolean>> asks = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                String password = i % 2 == 0 ? known.get(i / 2 % known.size()) : strongRandomPassword();
                boolean expected = i % 2 == 0;
                asks.add(() -> check.check(PasswordSha1.of(password)).breached() == expected);
            }
            for (Future<Boolean> answer : pool.invokeAll(asks, 60, TimeUnit.SECONDS)) {
                assertTrue(answer.get(), "a verdict given on one thread among many was wrong");
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
