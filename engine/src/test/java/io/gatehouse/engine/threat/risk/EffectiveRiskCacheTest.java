package io.gatehouse.engine.threat.risk;

import io.gatehouse.api.testing.SettableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The per-node cache of risk configuration rows: held for its lifetime, read again after it or a clear. */
class EffectiveRiskCacheTest {

    private final SettableClock clock = new SettableClock(Instant.ofEpochMilli(1_800_000_000_000L));
    private final EffectiveRiskCache cache = new EffectiveRiskCache(clock);
    private final AtomicInteger reads = new AtomicInteger();

    private List<RiskConfiguration> read() {
        reads.incrementAndGet();
        return List.of();
    }

    @Test
    void rowsWhenAskedAgainWithinTheLifetimeThenReadOnce() {
        cache.rows("us-east-1_a", "ALL", this::read);
        clock.advance(Duration.ofMillis(EffectiveRiskCache.TTL.toMillis() - 1));
        cache.rows("us-east-1_a", "ALL", this::read);
        assertEquals(1, reads.get());
        cache.rows("us-east-1_a", "client", this::read);
        assertEquals(2, reads.get(), "another scope is another entry");
    }

    @Test
    void rowsWhenTheLifetimeIsOverThenReadAgain() {
        cache.rows("us-east-1_a", "ALL", this::read);
        clock.advance(Duration.ofMillis(EffectiveRiskCache.TTL.toMillis()));
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
