package io.gatehouse.engine.token;

import io.gatehouse.engine.security.DataKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;

/**
 * Schedules a key owner's next signing key, in a transaction of its own so that a sign-in that happens to notice a
 * rotation is due neither waits on nor rolls back the new key. The owner's {@code key_owner} row is locked first, so
 * two nodes noticing at once schedule one successor, not two. An owner's first key for a purpose (the identity
 * issuer's, made when first needed) signs at once: no verifier can have cached a key set it is missing from.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class KeyRotation {

    private static final Logger LOG = Logger.getLogger(KeyRotation.class.getName());

    @PersistenceContext(unitName = "gatehouse")
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    DataKey dataKey;

    void scheduleSuccessor(String ownerId, TokenPurpose purpose, Duration period, Duration publishLead) {
        if (em.createNativeQuery("SELECT id FROM key_owner WHERE id = ?1 FOR UPDATE").setParameter(1, ownerId)
                .getResultList().isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        List<SigningKeyEntity> stored = em.createQuery("select k from SigningKeyEntity k"
                        + " where k.owner = :owner and k.purpose = :purpose", SigningKeyEntity.class)
                .setParameter("owner", ownerId).setParameter("purpose", purpose).getResultList();
        KeyRing ring = new KeyRing(stored.stream().map(SigningKeyEntity::toKey).toList());
        if (!ring.rotationDue(purpose, now, period)) {
            return;
        }
        long activatesAt = ring.active(purpose, now).isPresent() ? now.plus(publishLead).toEpochMilli()
                : now.toEpochMilli();
        ring.active(purpose, now).ifPresent(current -> stored.stream()
                .filter(k -> k.kid().equals(current.kid()))
                .forEach(k -> k.retireAt(activatesAt)));
        SigningKeyEntity successor = SigningKeys.newKey(dataKey, ownerId, purpose, now.toEpochMilli(), activatesAt);
        em.persist(successor);
        LOG.info(() -> "Key owner " + ownerId + ": new " + purpose + " signing key " + successor.kid()
                + " published, signing from " + Instant.ofEpochMilli(activatesAt));
    }
}
