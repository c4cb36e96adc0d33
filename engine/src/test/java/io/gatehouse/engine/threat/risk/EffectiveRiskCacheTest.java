package io.gatehouse.engine.threat.risk;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The per-node cache of risk configuration rows: held for its lifetime, read again after it or a clear. */
class EffectiveRiskCacheTest {

    private static final class TestClock extends Clock {
        long millis = 1_800_000_000_000L;

        @Override
        public long millis() {
            return millis;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    private final TestClock clock = new TestClock();
    private final EffectiveRiskCache cache = new EffectiveRiskCache(clock);
    private final AtomicInteger reads = new AtomicInteger();

    private List<RiskConfiguration> read() {
        reads.incrementAndGet();
        return List.of();
    }

    @Test
    void rowsWhenAskedAgainWithinTheLifetimeThenReadOnce() {
        cache.rows("us-east-1_a", "ALL", this::read);
        clock.millis += EffectiveRiskCache.TTL.toMillis() - 1;
        cache.rows("us-east-1_a", "ALL", this::read);
        assertEquals(1, reads.get());
        cache.rows("us-east-1_a", "client", this::read);
        assertEquals(2, reads.get(), "another scope is another entry");
    }

    @Test
    void rowsWhenTheLifetimeIsOverThenReadAgain() {
        cache.rows("us-east-1_a", "ALL", this::read);
        clock.millis += EffectiveRiskCache.TTL.toMillis();
        cache.rows("us-east-1_a", "ALL", this::read);
        assertEquals(2, reads.get());
    }

    @Test
    void clearWhenAPoolChangedThenItsEntriesReadAgainAndOthersKept() {
        cache.rows("us-east-1_a", "ALL", this::read);
        cache.rows("us-east-1_a", "client", this::read);
        cache.rows("us-east-1_b", "ALL", this::read);
        cache.clear("us-east-1_a");
        cache.rows("us-east-1_a", "ALL", this::read);
        cache.rows("us-east-1_a", "client", this::read);
        cache.rows("us-east-1_b", "ALL", this::read);
        assertEquals(5, reads.get());
    }
}
