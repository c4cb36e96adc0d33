package io.gatehouse.engine.token;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.time.Clock;

/**
 * Revokes a whole sign-in when one of its rotated refresh tokens comes back after its grace period: either the
 * client or someone who copied the token is replaying it, and which one cannot be told (RFC 9700, section
 * 4.14.2), so every token of the sign-in stops working. A transaction of its own, as the call that found the reuse
 * fails and rolls back its own.
 */
@ApplicationScoped
public class RefreshChains {

    @PersistenceContext(unitName = "gatehouse")
    EntityManager em;

    @Inject
    Clock clock;

    /** Revokes every refresh token of the sign-in {@code originJti}, and so its access tokens. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void revokeForReuse(String originJti) {
        em.createQuery("update RefreshTokenEntity t set t.revokedAt = :now"
                        + " where t.originJti = :origin and t.revokedAt is null")
                .setParameter("now", clock.millis()).setParameter("origin", originJti).executeUpdate();
    }
}
