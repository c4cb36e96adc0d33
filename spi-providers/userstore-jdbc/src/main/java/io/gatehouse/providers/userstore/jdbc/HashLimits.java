package io.gatehouse.providers.userstore.jdbc;

import java.time.Duration;

/**
 * How much hashing the store takes on: {@code concurrency} hashes at once, {@code queue} more waiting for a thread,
 * and how long a caller waits for its hash, queue included. A call past the queue, or past its wait, is refused as
 * busy: unknown-user sign-ins and sign-ups hash on purpose and need no credential, so without these bounds a few
 * hundred such calls a second would queue hashes without end and stall every sign-in behind them.
 *
 * @param concurrency threads that hash, so the most hashes at once
 * @param queue       hashes that may wait for a thread
 * @param maxWait     the longest a caller waits for its hash
 */
record HashLimits(int concurrency, int queue, Duration maxWait) {

    /** Queued hashes per hashing thread by default: about a second and a half of OWASP hashes on one core. */
    static final int QUEUE_PER_THREAD = 64;
    /** Far beyond a full queue's wait on any machine this runs on, yet short of a client's timeout. */
    static final Duration DEFAULT_WAIT = Duration.ofSeconds(10);

    HashLimits {
        if (concurrency < 1) {
            throw new IllegalArgumentException("Argon2id concurrency must be at least 1");
        }
        if (queue < 0) {
            throw new IllegalArgumentException("the Argon2id queue cannot be negative");
        }
        if (maxWait == null || maxWait.isNegative() || maxWait.isZero()) {
            throw new IllegalArgumentException("the Argon2id wait must be positive");
        }
    }

    /** {@code concurrency} threads with the default queue and wait. */
    static HashLimits of(int concurrency) {
        return new HashLimits(concurrency, QUEUE_PER_THREAD * Math.max(1, concurrency), DEFAULT_WAIT);
    }
}
