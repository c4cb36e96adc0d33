package io.gatehouse.engine.identitypool.quota;

import io.gatehouse.api.testing.SettableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The in-memory call buckets: a burst, then the rate; keys apart. */
class RateBucketsTest {

    private final SettableClock clock = new SettableClock(Instant.ofEpochMilli(1_800_000_000_000L));

    @Test
    void takeWhenTheBurstIsSpentThenRefusedUntilTheRateRefillsIt() {
        RateBuckets buckets = new RateBuckets(10, 30, clock);
        for (int i = 0; i < 30; i++) {
            assertEquals(0, buckets.take("a"), "call " + i + " of the burst");
        }
        long wait = buckets.take("a");
        assertTrue(wait > 0 && wait <= 100, "one call comes back in a tenth of a second: " + wait);
        assertEquals(0, buckets.take("b"), "another key has its own bucket");
        clock.advance(Duration.ofMillis(100));
        assertEquals(0, buckets.take("a"));
        assertTrue(buckets.take("a") > 0);
        clock.advance(Duration.ofMillis(10_000));
        for (int i = 0; i < 30; i++) {
            assertEquals(0, buckets.take("a"), "refilled to the burst, not beyond");
        }
        assertTrue(buckets.take("a") > 0);
    }

    @Test
    void bucketsWhenNoRateThenRefusedAtStart() {
        assertThrows(IllegalArgumentException.class, () -> new RateBuckets(0, 10, clock));
        assertThrows(IllegalArgumentException.class, () -> new RateBuckets(1, 0, clock));
    }
}
