package io.gatehouse.engine.identitypool.quota;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Token buckets of calls, one per key, in this node's memory: each holds {@code burst} calls and gets
 * {@code perSecond} back a second. Past {@link #MAX_KEYS} keys the buckets start over (every key full again) rather
 * than grow with the number of callers; an attacker who rotates through that many addresses gains one burst each.
 */
final class RateBuckets {

    static final int MAX_KEYS = 100_000;

    private record Bucket(double tokens, long at) {
    }

    private final double perSecond;
    private final double burst;
    private final Clock clock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    RateBuckets(double perSecond, double burst, Clock clock) {
        if (perSecond <= 0 || burst < 1) {
            throw new IllegalArgumentException("a rate needs calls per second above 0 and a burst of at least 1");
        }
        this.perSecond = perSecond;
        this.burst = burst;
        this.clock = clock;
    }

    /**
     * Takes one call from {@code key}'s bucket.
     *
     * @return 0 when admitted, else the milliseconds until one call fits
     */
    long take(String key) {
        if (buckets.size() >= MAX_KEYS && !buckets.containsKey(key)) {
            buckets.clear();
        }
        long now = clock.millis();
        long[] wait = new long[1];
        buckets.compute(key, (k, bucket) -> {
            double tokens = bucket == null ? burst
                    : Math.min(burst, bucket.tokens() + (now - bucket.at()) / 1000.0 * perSecond);
            if (tokens >= 1) {
                return new Bucket(tokens - 1, now);
            }
            wait[0] = Math.max(1, (long) Math.ceil((1 - tokens) / perSecond * 1000));
            return new Bucket(tokens, now);
        });
        return wait[0];
    }
}
