package io.gatehouse.engine.federation;

import io.gatehouse.engine.error.ServiceException;
import io.gatehouse.engine.userpool.UserPools;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.Optional;

/**
 * Upstream identities linked to native users (AdminLinkProviderForUser): a sign-in through the IdP as a linked
 * subject signs in as the native user, instead of as the federated user {@code <ProviderName>_<subject>}.
 */
@ApplicationScoped
@Transactional
public class ProviderLinks {

    /** Cognito's limit of identities linked to one user. */
    public static final int MAX_PER_USER = 5;

    @PersistenceContext(unitName = "gatehouse")
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    UserPools pools;

    /** The sub of the native user this upstream subject is linked to, if any. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<String> linkedSub(String userPoolId, String providerName, String providerSubject) {
        return Optional.ofNullable(em.find(ProviderLinkEntity.class,
                new ProviderLinkEntity.Key(userPoolId, providerName, providerSubject))).map(ProviderLinkEntity::sub);
    }

    /**
     * Links the upstream subject to the native user {@code sub}; linking it again to the same user changes nothing.
     * The caller has checked that the IdP and the user exist. Takes the pool's lock, as the IdPs' changes do, so that
     * two calls cannot both link one subject or both take a user's last free link.
     *
     * @throws ServiceException {@code AliasExistsException} when the subject is linked to another user;
     *                          {@code LimitExceededException} when the user has {@value #MAX_PER_USER} links
     */
    public void link(String userPoolId, String providerName, String providerSubject, String sub) {
        pools.lockForUpdate(userPoolId);
        Optional<String> linked = linkedSub(userPoolId, providerName, providerSubject);
        if (linked.isPresent()) {
            if (!linked.get().equals(sub)) {
                throw new ServiceException("AliasExistsException", "The " + providerName
                        + " identity is already linked to another user.");
            }
            return;
        }
        long count = em.createQuery("select count(l) from ProviderLinkEntity l where l.userPoolId = :pool"
                        + " and l.sub = :sub", Long.class)
                .setParameter("pool", userPoolId).setParameter("sub", sub).getSingleResult();
        if (count >= MAX_PER_USER) {
            throw new ServiceException("LimitExceededException", "A user can be linked to at most " + MAX_PER_USER
                    + " identities of external providers.");
        }
        em.persist(new ProviderLinkEntity(userPoolId, providerName, providerSubject, sub, clock.millis()));
    }

    /**
     * Removes the links of this upstream subject (AdminDisableProviderForUser).
     *
     * @return whether there was one
     */
    public boolean unlinkAll(String userPoolId, String providerName, String providerSubject) {
        return em.createQuery("delete from ProviderLinkEntity l where l.userPoolId = :pool"
                        + " and l.providerName = :name and l.providerSubject = :subject")
                .setParameter("pool", userPoolId).setParameter("name", providerName)
                .setParameter("subject", providerSubject).executeUpdate() > 0;
    }

    /** Removes the links of an IdP being deleted. */
    public void forgetProvider(String userPoolId, String providerName) {
        em.createQuery("delete from ProviderLinkEntity l where l.userPoolId = :pool and l.providerName = :name")
                .setParameter("pool", userPoolId).setParameter("name", providerName).executeUpdate();
    }

    /** Removes the links of a native user being deleted. */
    public void forgetUser(String userPoolId, String sub) {
        em.createQuery("delete from ProviderLinkEntity l where l.userPoolId = :pool and l.sub = :sub")
                .setParameter("pool", userPoolId).setParameter("sub", sub).executeUpdate();
    }
}
