package io.gatehouse.engine.token;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/**
 * Whether a sign-in was ended (sign-out, RevokeToken, a global sign-out): every token of a user's sign-in names it
 * ({@code origin_jti}), and its refresh tokens, revoked, say it ended. Asked by the user APIs of each access token
 * and by identity pools' {@code ServerSideTokenCheck} of each ID token.
 */
@ApplicationScoped
public class EndedSignIns {

    @PersistenceContext(unitName = "gatehouse")
    EntityManager em;

    /** Whether the sign-in {@code originJti} was ended. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean ended(String originJti) {
        return em.createQuery("select count(t) from RefreshTokenEntity t"
                        + " where t.originJti = :origin and t.revokedAt is not null", Long.class)
                .setParameter("origin", originJti).getSingleResult() > 0;
    }
}
