package io.gatehouse.engine.cluster;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Lets one caller per interval on this node through, so that a job that hot paths notice asks the database whether
 * it is due ({@link ClusterJobs}) once per interval, not on every request.
 */
final class Throttle {

    private final long intervalMillis;
    private final AtomicLong last = new AtomicLong();

    Throttle(Duration interval) {
        this.intervalMillis = interval.toMillis();
    }

    /** Whether the caller should run now; true for one caller per interval. */
    boolean due(long nowMillis) {
        long previous = last.get();
        return nowMillis - previous >= intervalMillis && last.compareAndSet(previous, nowMillis);
    }
}
