package io.gatehouse.engine.token;

import io.gatehouse.engine.security.DataKey;
import io.gatehouse.engine.userpool.UserPools;
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
 * Schedules a pool's next signing key, in a transaction of its own so that a sign-in that happens to notice a
 * rotation is due neither waits on nor rolls back the new key. The pool's row is locked first, so two nodes noticing
 * at once schedule one successor, not two.
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
    UserPools pools;

    @Inject
    DataKey dataKey;

    void scheduleSuccessor(String userPoolId, TokenPurpose purpose, Duration period, Duration publishLead) {
        if (!pools.lockForUpdate(userPoolId)) {
            return;
        }
        Instant now = clock.instant();
        List<SigningKeyEntity> stored = em.createQuery("select k from SigningKeyEntity k"
                        + " where k.userPoolId = :pool and k.purpose = :purpose", SigningKeyEntity.class)
                .setParameter("pool", userPoolId).setParameter("purpose", purpose).getResultList();
        KeyRing ring = new KeyRing(stored.stream().map(SigningKeyEntity::toKey).toList());
        if (!ring.rotationDue(purpose, now, period)) {
            return;
        }
        long activatesAt = now.plus(publishLead).toEpochMilli();
        ring.active(purpose, now).ifPresent(current -> stored.stream()
                .filter(k -> k.kid().equals(current.kid()))
                .forEach(k -> k.retireAt(activatesAt)));
        SigningKeyEntity successor = SigningKeys.newKey(dataKey, userPoolId, purpose, now.toEpochMilli(), activatesAt);
        em.persist(successor);
        LOG.info(() -> "User pool " + userPoolId + ": new " + purpose + " signing key " + successor.kid()
                + " published, signing from " + Instant.ofEpochMilli(activatesAt));
    }
}
