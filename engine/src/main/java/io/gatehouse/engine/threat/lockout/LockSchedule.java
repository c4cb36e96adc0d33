package io.gatehouse.engine.threat.lockout;

import java.time.Duration;

/**
 * How long a user stays locked after consecutive failures, as Cognito does it: no lock for the first
 * {@code freeFailures - 1}, then {@code firstLock} after failure number {@code freeFailures}, twice as long after
 * each further one, never longer than {@code maxLock}. Failures made while locked are refused unseen, so they do
 * not lengthen the lock. A count is forgotten once {@code maxLock} has passed without a failure after the longest
 * lock could end, {@code 2 * maxLock} after the last failure (Cognito: "waiting around 15 minutes without any
 * attempts also resets the lockout"); a successful sign-in forgets it at once. Forgotten when the longest lock ends
 * instead, a count at the cap would start again from nothing every {@code maxLock}: four free guesses and short
 * locks each time, where a guess just after a cap lock must lock for the cap again.
 *
 * @param freeFailures the failure that starts the first lock (Cognito: 5)
 * @param firstLock    the first lock's length (Cognito: 1 second)
 * @param maxLock      the longest lock, and how long a quiet count is kept after it (Cognito: about 15 minutes)
 */
public record LockSchedule(int freeFailures, Duration firstLock, Duration maxLock) {

    public LockSchedule {
        if (freeFailures < 1) {
            throw new IllegalArgumentException("the failures before a lock must be at least 1");
        }
        if (firstLock.isNegative() || firstLock.isZero() || maxLock.compareTo(firstLock) < 0) {
            throw new IllegalArgumentException("the first lock must be positive and no longer than the longest");
        }
    }

    /** The lock that follows {@code failures} consecutive failures: zero below the threshold. */
    public Duration lockAfter(int failures) {
        if (failures < freeFailures) {
            return Duration.ZERO;
        }
        int doublings = failures - freeFailures;
        // Past 62 doublings a long overflows; any lock that long is the cap anyway.
        if (doublings >= 62 || firstLock.toMillis() > maxLock.toMillis() >> doublings) {
            return maxLock;
        }
        return Duration.ofMillis(firstLock.toMillis() << doublings);
    }

    /** The instant (epoch milliseconds) until which a user whose last failure was at {@code lastFailureAt} is locked. */
    public long lockedUntil(int failures, long lastFailureAt) {
        return lastFailureAt + lockAfter(failures).toMillis();
    }

    /**
     * When a count whose last failure was at {@code lastFailureAt} is forgotten: {@code maxLock} after the longest
     * lock it can have ends. (The count is an UPDATE's arithmetic, not known here, hence the longest lock.)
     */
    public long forgottenAt(long lastFailureAt) {
        return lastFailureAt + 2 * maxLock.toMillis();
    }
}
