package io.gatehouse.engine.threat.lockout;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One attempt at a time per counter on this node. A count is read before the secret is checked and written after,
 * so without this a burst of guesses sent at once would all pass the read and all be checked (many MFA sessions of
 * one user answered in parallel, say): the lock would only close after the burst. Held, the next attempt on the same
 * counter reads the count the previous one wrote.
 *
 * <p>An entry lives only while an attempt holds or waits for it, so the map holds at most the attempts in flight;
 * and it is capped besides, so a spray of names cannot grow it: past the cap an attempt is refused as a locked one
 * is. Across nodes attempts can still overlap, one per node at the most.
 */
final class InFlightAttempts {

    private final ConcurrentHashMap<String, Slot> slots = new ConcurrentHashMap<>();
    private final int maxKeys;
    private final Duration wait;

    /** A counter's permit and how many attempts hold or wait for it (changed only inside the map's compute). */
    private static final class Slot {
        final Semaphore permit = new Semaphore(1);
        int users;
    }

    InFlightAttempts(int maxKeys, Duration wait) {
        this.maxKeys = maxKeys;
        this.wait = wait;
    }

    /**
     * Waits up to the configured time for the counter's permit.
     *
     * @return the permit's release, to run exactly once; null when it did not come in time or too many counters are
     *         busy
     */
    Runnable acquire(String key) {
        Slot slot = slots.compute(key, (k, s) -> {
            if (s == null) {
                if (slots.size() >= maxKeys) {
                    return null;
                }
                s = new Slot();
            }
            s.users++;
            return s;
        });
        if (slot == null) {
            return null;
        }
        boolean acquired;
        try {
            acquired = slot.permit.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            acquired = false;
        }
        if (!acquired) {
            leave(key, slot);
            return null;
        }
        AtomicBoolean released = new AtomicBoolean();
        return () -> {
            if (released.compareAndSet(false, true)) {
                slot.permit.release();
                leave(key, slot);
            }
        };
    }

    /** How many counters have an attempt in flight or waiting (for tests). */
    int size() {
        return slots.size();
    }

    private void leave(String key, Slot slot) {
        slots.computeIfPresent(key, (k, s) -> s != slot || --s.users > 0 ? s : null);
    }
}
