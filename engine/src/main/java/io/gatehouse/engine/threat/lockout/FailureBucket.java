package io.gatehouse.engine.threat.lockout;

import java.time.Duration;

/**
 * The token bucket each source address spends its failed guesses from, kept as one number: the instant the bucket
 * will be full again (the "theoretical arrival time" of the generic cell rate algorithm). The bucket holds
 * {@code capacity} failures and one is given back every {@code refill}; each failure pushes the instant one
 * {@code refill} further, and an address is refused while the instant lies more than {@code capacity - 1} refills
 * ahead, that is while the next failure would not fit. One number per address makes a failure one small UPDATE
 * whose arithmetic the database does, so concurrent failures on two nodes both count.
 *
 * @param capacity failures an address may make at once, from a full bucket
 * @param refill   the time in which one failure is given back
 */
public record FailureBucket(int capacity, Duration refill) {

    public FailureBucket {
        if (capacity < 1) {
            throw new IllegalArgumentException("the bucket must hold at least one failure");
        }
        if (refill.isNegative() || refill.isZero()) {
            throw new IllegalArgumentException("the refill time must be positive");
        }
    }

    /** Whether an address whose bucket is full again at {@code fullAt} may try now. */
    public boolean admits(long fullAt, long now) {
        return fullAt - now <= (capacity - 1) * refill.toMillis();
    }

    /** The bucket's new full-again instant after one more failure at {@code now}. */
    public long afterFailure(long fullAt, long now) {
        return Math.max(fullAt, now) + refill.toMillis();
    }

    /** How long a refused address waits until it may try once more (zero when it may now). */
    public Duration retryAfter(long fullAt, long now) {
        return Duration.ofMillis(Math.max(0, fullAt - now - (capacity - 1) * refill.toMillis()));
    }
}
