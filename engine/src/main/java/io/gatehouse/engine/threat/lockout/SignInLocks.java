package io.gatehouse.engine.threat.lockout;

import io.gatehouse.engine.security.Hashes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Per-user locks after consecutive failed passwords and MFA codes, on {@link LockSchedule}'s times. A sign-in path
 * calls {@link #begin} before it checks the secret (a locked user is refused with {@link PasswordAttemptsExceeded}
 * whatever they send), then {@link #failed} or {@link #succeeded}.
 *
 * <p>The cost: one primary-key read per attempt; one small write per failure; a delete at a success only when the
 * read found a count, so a user who signs in right the first time costs nothing more.
 *
 * <p>On each node one attempt per counter is in flight at a time ({@link InFlightAttempts}): the next waits up to
 * {@link #IN_FLIGHT_WAIT} for it and is then refused as locked, so a burst of guesses sent at once is counted one
 * after another rather than all read as unlocked. {@link Attempt} holds that permit until it is closed, which every
 * caller does with try-with-resources, so a refusal between {@code begin} and the outcome cannot keep it.
 *
 * <p>Names a pool does not know are counted as users are ({@link #name}): the fifth wrong password locks a made-up
 * name as it locks a real one, so the lock tells nothing either.
 */
@ApplicationScoped
public class SignInLocks {

    private static final Logger LOG = Logger.getLogger(SignInLocks.class.getName());

    /** How long an attempt waits for the one in flight on its counter (a password's hashing takes far less). */
    static final Duration IN_FLIGHT_WAIT = Duration.ofSeconds(3);

    /** Counters with an attempt in flight on this node at once, at most; past it, attempts are refused as locked. */
    static final int IN_FLIGHT_KEYS = 10_000;

    private final InFlightAttempts inFlight = new InFlightAttempts(IN_FLIGHT_KEYS, IN_FLIGHT_WAIT);

    @Inject
    LockoutSettings settings;

    @Inject
    LockoutStore store;

    @Inject
    Clock clock;

    /**
     * One attempt at a user's secret, holding its counter's in-flight permit until {@link #close}d.
     */
    public static final class Attempt implements AutoCloseable {

        private final String userPoolId;
        private final String lockKey;
        private final boolean counted;
        private final Runnable release;

        Attempt(String userPoolId, String lockKey, boolean counted, Runnable release) {
            this.userPoolId = userPoolId;
            this.lockKey = lockKey;
            this.counted = counted;
            this.release = release;
        }

        /** The pool. */
        public String userPoolId() {
            return userPoolId;
        }

        /** The counter's key, or null when the protection is off. */
        public String lockKey() {
            return lockKey;
        }

        /** Whether the counter had failures when the attempt began. */
        public boolean counted() {
            return counted;
        }

        /** Lets the next attempt on the counter begin; closing again does nothing. */
        @Override
        public void close() {
            if (release != null) {
                release.run();
            }
        }
    }

    /** The counter of an existing user, by their sub (the same whichever alias they sign in with). */
    public static String user(String userPoolId, String sub) {
        return Hashes.sha256Hex("user\n" + userPoolId + "\n" + sub);
    }

    /**
     * The counter of a user's second-factor codes, apart from their password's: a right password must not wipe out
     * the wrong codes counted before it, or whoever knows the password could guess codes without end.
     */
    public static String secondFactor(String userPoolId, String sub) {
        return Hashes.sha256Hex("mfa\n" + userPoolId + "\n" + sub);
    }

    /**
     * The counter of a name the pool does not know.
     *
     * @param lookupName the name as the pool's lookup compares it (in the case it would find a user by), so that two
     *                   names share a counter when, and only when, they would find the same user
     */
    public static String name(String userPoolId, String lookupName) {
        return Hashes.sha256Hex("name\n" + userPoolId + "\n" + lookupName);
    }

    /**
     * Begins an attempt on the counter {@code lockKey} ({@link #user}, {@link #secondFactor} or {@link #name}).
     * Waits for the attempt in flight on the same counter, if any. The caller closes the attempt once its outcome
     * is counted (try-with-resources).
     *
     * @throws PasswordAttemptsExceeded while the counter is locked, or while another attempt on it holds it too long
     */
    public Attempt begin(String userPoolId, String lockKey) {
        if (!settings.enabled()) {
            return new Attempt(userPoolId, null, false, null);
        }
        Runnable release = inFlight.acquire(lockKey);
        if (release == null) {
            throw new PasswordAttemptsExceeded();
        }
        try {
            long now = clock.millis();
            Optional<LockoutStore.UserCount> count = store.userCount(lockKey, now);
            if (count.isPresent()
                    && settings.schedule().lockedUntil(count.get().failures(), count.get().lastFailureAt()) > now) {
                throw new PasswordAttemptsExceeded();
            }
            return new Attempt(userPoolId, lockKey, count.isPresent(), release);
        } catch (RuntimeException e) {
            release.run();
            throw e;
        }
    }

    /** The attempt failed: one more consecutive failure. */
    public void failed(Attempt attempt) {
        if (attempt.lockKey() == null) {
            return;
        }
        long now = clock.millis();
        long expiresAt = settings.schedule().forgottenAt(now);
        try {
            LockoutStore.count(() -> store.userFailed(attempt.lockKey(), now, expiresAt),
                    () -> store.userFirstFailure(attempt.lockKey(), attempt.userPoolId(), now, expiresAt));
        } catch (RuntimeException e) {
            // The caller's own answer (the wrong password's) still goes out; a database that cannot count now
            // fails the next attempt's read too.
            LOG.log(Level.WARNING, "A failed sign-in could not be counted", e);
        }
    }

    /**
     * The attempt succeeded: the count, if there was one, is forgotten. Only when {@code begin} read one: a failure
     * of this counter written in between could only come from another node (on this one the attempt holds the
     * counter), and deleting on every success would cost each sign-in a statement; the failures so missed stay
     * counted until the next success or until they are forgotten.
     */
    public void succeeded(Attempt attempt) {
        if (attempt.counted()) {
            store.userSucceeded(attempt.lockKey());
        }
    }
}
