package io.gatehouse.engine.token;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The rules of a pool's key rotation, over its stored keys: which key signs now, which keys the JWKS publishes,
 * and when a purpose needs a successor. Each key signs from {@code activatesAt} until its successor activates
 * ({@code retiredAt}); it is published from its creation, ahead of signing, until every token it may have signed
 * has expired.
 *
 * @param keys the pool's keys, in any order
 */
record KeyRing(List<Key> keys) {

    /**
     * One stored key; its private JWK sealed with the data key; times in epoch milliseconds, {@code retiredAt} null
     * while no successor is scheduled.
     */
    record Key(String kid, TokenPurpose purpose, String sealedJwk, long createdAt, long activatesAt, Long retiredAt) {

        boolean signsAt(long now) {
            return activatesAt <= now && (retiredAt == null || retiredAt > now);
        }
    }

    KeyRing {
        keys = List.copyOf(keys);
    }

    /** The key that signs {@code purpose}'s tokens at {@code now}. */
    Optional<Key> active(TokenPurpose purpose, Instant now) {
        long at = now.toEpochMilli();
        return keys.stream()
                .filter(k -> k.purpose() == purpose && k.signsAt(at))
                .max(Comparator.comparingLong(Key::activatesAt));
    }

    /** The keys that may have signed a live token or are about to sign: what the JWKS must list. */
    List<Key> published(Instant now, Duration longestToken) {
        long oldestKept = now.minus(longestToken).toEpochMilli();
        return keys.stream()
                .filter(k -> k.retiredAt() == null || k.retiredAt() >= oldestKept)
                .sorted(Comparator.comparingLong(Key::activatesAt))
                .toList();
    }

    /**
     * Whether {@code purpose} needs a new key at {@code now}: none signs and none is scheduled (an owner's first key,
     * whatever the period), or its signing key is older than {@code period} and no successor is scheduled yet. A
     * zero period turns rotation off.
     */
    boolean rotationDue(TokenPurpose purpose, Instant now, Duration period) {
        long at = now.toEpochMilli();
        boolean successorScheduled = keys.stream().anyMatch(k -> k.purpose() == purpose && k.activatesAt() > at);
        if (successorScheduled) {
            return false;
        }
        Optional<Key> signing = active(purpose, now);
        if (signing.isEmpty()) {
            return true;
        }
        return !period.isZero() && signing.get().activatesAt() + period.toMillis() <= at;
    }
}
