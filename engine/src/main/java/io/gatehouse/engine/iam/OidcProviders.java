package io.gatehouse.engine.iam;

import io.gatehouse.engine.config.GatehouseConfig;
import io.gatehouse.engine.error.ServiceException;
import io.gatehouse.engine.persistence.UniqueViolation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * IAM's OpenID Connect providers, as CreateOpenIDConnectProvider and its siblings keep them: one per issuer URL, named
 * by an ARN that ends in the URL's host and path.
 */
@ApplicationScoped
public class OidcProviders {

    @PersistenceContext(unitName = "gatehouse")
    EntityManager em;

    @Inject
    GatehouseConfig config;

    @Inject
    Clock clock;

    /**
     * Registers a provider.
     *
     * @throws ServiceException {@code EntityAlreadyExists} when one is registered for the URL
     */
    @Transactional(Transactional.TxType.REQUIRED)
    public OidcProvider create(String url, List<String> clientIds, List<String> thumbprints) {
        String arn = "arn:aws:iam::" + config.accountId() + ":oidc-provider/" + OidcProvider.name(url);
        Supplier<ServiceException> exists = () -> new ServiceException("EntityAlreadyExists",
                "Provider with url " + url + " already exists.");
        if (em.find(OidcProviderEntity.class, arn) != null) {
            throw exists.get();
        }
        OidcProvider provider = new OidcProvider(arn, url, clientIds, thumbprints, clock.instant());
        em.persist(new OidcProviderEntity(provider));
        // Now, not at commit: another request registering the same name meanwhile is refused as above.
        UniqueViolation.flushOr(em, exists);
        return provider;
    }

    /** The provider with this ARN, if there is one. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<OidcProvider> find(String arn) {
        return Optional.ofNullable(em.find(OidcProviderEntity.class, arn)).map(OidcProviderEntity::view);
    }

    /** Every provider, in ARN order. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<OidcProvider> list() {
        return em.createQuery("select p from OidcProviderEntity p order by p.arn", OidcProviderEntity.class)
                .getResultList().stream().map(OidcProviderEntity::view).toList();
    }

    /** Deletes the provider; false when there was none. */
    @Transactional(Transactional.TxType.REQUIRED)
    public boolean delete(String arn) {
        OidcProviderEntity entity = em.find(OidcProviderEntity.class, arn);
        if (entity == null) {
            return false;
        }
        em.remove(entity);
        return true;
    }
}
