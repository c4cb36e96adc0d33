package io.gatehouse.engine.threat.lockout;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FailureBucketTest {

    private final FailureBucket bucket = new FailureBucket(100, Duration.ofSeconds(3));

    /** The full-again instant after {@code failures} failures at {@code now}, from a full bucket. */
    private long failAtOnce(int failures, long now) {
        long fullAt = 0;
        for (int i = 0; i < failures; i++) {
            assertTrue(bucket.admits(fullAt, now), "failure " + (i + 1) + " should be let through");
            fullAt = bucket.afterFailure(fullAt, now);
        }
        return fullAt;
    }

    @Test
    void aFullBucketLetsExactlyItsCapacityThroughAtOnce() {
        long now = 1_000_000;
        long fullAt = failAtOnce(100, now);
        assertFalse(bucket.admits(fullAt, now));
        assertEquals(now + 300_000, fullAt);
    }

    @Test
    void oneFailureIsGivenBackPerRefillAndNoMore() {
        long now = 1_000_000;
        long fullAt = failAtOnce(100, now);
        assertEquals(Duration.ofSeconds(3), bucket.retryAfter(fullAt, now));
        assertFalse(bucket.admits(fullAt, now + 2_999));
        assertTrue(bucket.admits(fullAt, now + 3_000));
        fullAt = bucket.afterFailure(fullAt, now + 3_000);
        assertFalse(bucket.admits(fullAt, now + 3_000), "one refill gave back one failure");
    }

    @Test
    void aQuietAddressRefillsToCapacityAndNoFurther() {
        long now = 1_000_000;
        long fullAt = failAtOnce(100, now);
        long muchLater = now + Duration.ofHours(5).toMillis();
        assertEquals(Duration.ZERO, bucket.retryAfter(fullAt, muchLater));
        // Hours of quiet hold no more than a full bucket: the next burst is again 100.
        long again = fullAt;
        for (int i = 0; i < 100; i++) {
            assertTrue(bucket.admits(again, muchLater));
            again = bucket.afterFailure(again, muchLater);
        }
        assertFalse(bucket.admits(again, muchLater));
    }

    @Test
    void aSteadyTrickleAtTheRefillRateIsNeverRefused() {
        long fullAt = 0;
        for (long t = 0; t < Duration.ofHours(1).toMillis(); t += 3_000) {
            assertTrue(bucket.admits(fullAt, t));
            fullAt = bucket.afterFailure(fullAt, t);
        }
    }

    @Test
    void nonsenseSettingsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new FailureBucket(0, Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> new FailureBucket(10, Duration.ZERO));
    }
}
