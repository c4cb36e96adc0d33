package io.gatehouse.engine.persistence;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Lets a clean-up that hot paths trigger (deleting expired sessions, refresh tokens, unconfirmed devices) run at
 * most once per interval on this node, instead of as an extra DELETE on every request.
 */
public final class Throttle {

    private final long intervalMillis;
    private final AtomicLong last = new AtomicLong();

    public Throttle(Duration interval) {
        this.intervalMillis = interval.toMillis();
    }

    /** Whether the caller should run now; true for one caller per interval. */
    public boolean due(long nowMillis) {
        long previous = last.get();
        return nowMillis - previous >= intervalMillis && last.compareAndSet(previous, nowMillis);
    }
}
