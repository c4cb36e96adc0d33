package io.gatehouse.engine.threat.lockout;

import io.gatehouse.engine.security.Hashes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.util.Locale;
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
 * <p>Names a pool does not know are counted as users are ({@link #name}), where the client hides which users exist:
 * the fifth wrong password locks a made-up name as it locks a real one, so the lock tells nothing either.
 */
@ApplicationScoped
public class SignInLocks {

    private static final Logger LOG = Logger.getLogger(SignInLocks.class.getName());

    @Inject
    LockoutSettings settings;

    @Inject
    LockoutStore store;

    @Inject
    Clock clock;

    /**
     * One attempt at a user's secret.
     *
     * @param userPoolId the pool
     * @param lockKey    the counter's key, or null when the protection is off
     * @param counted    whether the user had failures counted when the attempt began
     */
    public record Attempt(String userPoolId, String lockKey, boolean counted) {

        /** An attempt no user lock counts (the caller's address still may). */
        public static final Attempt UNCOUNTED = new Attempt(null, null, false);
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

    /** The counter of a name the pool does not know. */
    public static String name(String userPoolId, String username) {
        return Hashes.sha256Hex("name\n" + userPoolId + "\n" + username.toLowerCase(Locale.ROOT));
    }

    /**
     * Begins an attempt on the counter {@code lockKey} ({@link #user}, {@link #secondFactor} or {@link #name}).
     *
     * @throws PasswordAttemptsExceeded while the counter is locked
     */
    public Attempt begin(String userPoolId, String lockKey) {
        if (!settings.enabled()) {
            return new Attempt(userPoolId, null, false);
        }
        long now = clock.millis();
        Optional<LockoutStore.UserCount> count = store.userCount(lockKey, now);
        if (count.isPresent()
                && settings.schedule().lockedUntil(count.get().failures(), count.get().lastFailureAt()) > now) {
            throw new PasswordAttemptsExceeded();
        }
        return new Attempt(userPoolId, lockKey, count.isPresent());
    }

    /** The attempt failed: one more consecutive failure. */
    public void failed(Attempt attempt) {
        if (attempt.lockKey() == null) {
            return;
        }
        long now = clock.millis();
        long expiresAt = settings.schedule().forgottenAt(now);
        try {
            if (store.userFailed(attempt.lockKey(), now, expiresAt)) {
                return;
            }
            try {
                store.userFirstFailure(attempt.lockKey(), attempt.userPoolId(), now, expiresAt);
            } catch (RuntimeException raced) {
                // Another request wrote the first failure meanwhile; count this one on its row.
                store.userFailed(attempt.lockKey(), now, expiresAt);
            }
        } catch (RuntimeException e) {
            // The caller's own answer (the wrong password's) still goes out; a database that cannot count now
            // fails the next attempt's read too.
            LOG.log(Level.WARNING, "A failed sign-in could not be counted", e);
        }
    }

    /** The attempt succeeded: the count, if there was one, is forgotten. */
    public void succeeded(Attempt attempt) {
        if (attempt.counted()) {
            store.userSucceeded(attempt.lockKey());
        }
    }
}
