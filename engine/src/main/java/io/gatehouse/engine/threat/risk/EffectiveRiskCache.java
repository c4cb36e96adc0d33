package io.gatehouse.engine.threat.risk;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * This node's copy of the risk configuration rows a sign-in reads, for a few seconds: every password sign-in, sign-up
 * and password change needs them, often twice, and they change about never. SetRiskConfiguration clears a pool's
 * entries on the node that serves it (before and after its commit); other nodes see the change within
 * {@link #TTL}. Bounded: past {@link #MAX_ENTRIES} it starts over rather than grow with the number of clients.
 */
final class EffectiveRiskCache {

    /** How long a node may go on using rows another node changed. */
    static final Duration TTL = Duration.ofSeconds(5);

    static final int MAX_ENTRIES = 10_000;

    private record Key(String userPoolId, String scope) {
    }

    private record Entry(List<RiskConfiguration> rows, long expiresAt) {
    }

    private final Map<Key, Entry> entries = new ConcurrentHashMap<>();
    private final Clock clock;

    EffectiveRiskCache(Clock clock) {
        this.clock = clock;
    }

    /** The rows of {@code scope} in {@code userPoolId}, from {@code read} when not held or held too long. */
    List<RiskConfiguration> rows(String userPoolId, String scope, Supplier<List<RiskConfiguration>> read) {
        Key key = new Key(userPoolId, scope);
        long now = clock.millis();
        Entry held = entries.get(key);
        if (held != null && held.expiresAt() > now) {
            return held.rows();
        }
        List<RiskConfiguration> rows = List.copyOf(read.get());
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        entries.put(key, new Entry(rows, now + TTL.toMillis()));
        return rows;
    }

    /** Forgets every entry of {@code userPoolId}: its pool's or a client's configuration changed. */
    void clear(String userPoolId) {
        entries.keySet().removeIf(k -> k.userPoolId().equals(userPoolId));
    }
}
