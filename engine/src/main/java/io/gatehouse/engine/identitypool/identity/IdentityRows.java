package io.gatehouse.engine.identitypool.identity;

import io.gatehouse.engine.error.ServiceException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The reads and writes of identities and their logins that {@link Identities} and {@link DeveloperIdentities}
 * share, inside their callers' transactions.
 */
final class IdentityRows {

    private IdentityRows() {
    }

    /** The identity a login (provider and subject) is linked to in the pool, if any. */
    static Optional<String> owner(EntityManager em, String identityPoolId, String provider, String subject) {
        IdentityLoginEntity row = em.find(IdentityLoginEntity.class,
                new IdentityLoginEntity.Key(identityPoolId, provider, subject));
        return Optional.ofNullable(row).map(IdentityLoginEntity::identityId);
    }

    /** A new identity of the pool, {@code <region>:<uuid>}. */
    static String create(EntityManager em, String region, String identityPoolId, long now) {
        String id = region + ":" + UUID.randomUUID();
        em.persist(new IdentityEntity(id, identityPoolId, now));
        return id;
    }

    /** The logins linked to an identity. */
    static List<IdentityLoginEntity> logins(EntityManager em, String identityId) {
        return em.createQuery("select l from IdentityLoginEntity l where l.identityId = :id",
                IdentityLoginEntity.class).setParameter("id", identityId).getResultList();
    }

    /**
     * The identity, which must be of the pool.
     *
     * @throws ServiceException {@code ResourceNotFoundException} when there is no such identity in the pool
     */
    static IdentityEntity inPool(EntityManager em, String identityPoolId, String identityId, LockModeType lock) {
        IdentityEntity identity = em.find(IdentityEntity.class, identityId, lock);
        if (identity == null || !identity.identityPoolId().equals(identityPoolId)) {
            throw ServiceException.resourceNotFound("Identity '" + identityId + "' not found in identity pool '"
                    + identityPoolId + "'.");
        }
        return identity;
    }

    /**
     * Removes logins from their identity, and disables it when none is left: as in Cognito, an identity whose last
     * login goes does not become a guest's.
     */
    static void unlink(EntityManager em, IdentityEntity identity, List<IdentityLoginEntity> logins, long now) {
        logins.forEach(em::remove);
        em.flush();
        if (logins(em, identity.id()).isEmpty()) {
            identity.disable(now);
        } else {
            identity.touch(now);
        }
    }

    /** Cognito's answer to a call that uses a disabled identity. */
    static ServiceException forbidden(String identityId) {
        return new ServiceException("NotAuthorizedException", "Access to Identity '" + identityId
                + "' is forbidden.");
    }

    /** Cognito's answer to logins that do not prove the identity a call names. */
    static ServiceException loginsDoNotMatch() {
        return new ServiceException("NotAuthorizedException", "Logins don't match. Please include at least one valid"
                + " login for this identity or identity pool.");
    }
}
