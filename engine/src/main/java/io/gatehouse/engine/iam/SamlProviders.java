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
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.UUID;

/**
 * IAM's SAML providers, as CreateSAMLProvider and its siblings keep them: one per name, named by an ARN that ends in
 * the name. Their metadata documents are checked by {@link SamlMetadataCheck} before they get here.
 */
@ApplicationScoped
public class SamlProviders {

    @PersistenceContext(unitName = "gatehouse")
    EntityManager em;

    @Inject
    GatehouseConfig config;

    @Inject
    Clock clock;

    /**
     * Registers a provider.
     *
     * @throws ServiceException {@code EntityAlreadyExists} when one of the name is registered
     */
    @Transactional(Transactional.TxType.REQUIRED)
    public SamlProvider create(String name, String metadata, Optional<Instant> validUntil,
                               List<SamlProvider.Tag> tags) {
        String arn = "arn:aws:iam::" + config.accountId() + ":saml-provider/" + name;
        Supplier<ServiceException> exists = () -> new ServiceException("EntityAlreadyExists",
                "SAMLProvider named " + name + " already exists.");
        if (em.find(SamlProviderEntity.class, arn) != null) {
            throw exists.get();
        }
        SamlProvider provider = new SamlProvider(arn, name, UUID.randomUUID().toString(), metadata, validUntil, tags,
                clock.instant());
        em.persist(new SamlProviderEntity(provider));
        // Now, not at commit: another request registering the same name meanwhile is refused as above.
        UniqueViolation.flushOr(em, exists);
        return provider;
    }

    /** The provider with this ARN, if there is one. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<SamlProvider> find(String arn) {
        return Optional.ofNullable(em.find(SamlProviderEntity.class, arn)).map(SamlProviderEntity::view);
    }

    /** Every provider, in ARN order. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<SamlProvider> list() {
        return em.createQuery("select p from SamlProviderEntity p order by p.arn", SamlProviderEntity.class)
                .getResultList().stream().map(SamlProviderEntity::view).toList();
    }

    /** Replaces the provider's metadata document; false when there is no such provider. */
    @Transactional(Transactional.TxType.REQUIRED)
    public boolean update(String arn, String metadata, Optional<Instant> validUntil) {
        SamlProviderEntity entity = em.find(SamlProviderEntity.class, arn);
        if (entity == null) {
            return false;
        }
        entity.replaceMetadata(metadata, validUntil);
        return true;
    }

    /** Deletes the provider; false when there was none. */
    @Transactional(Transactional.TxType.REQUIRED)
    public boolean delete(String arn) {
        SamlProviderEntity entity = em.find(SamlProviderEntity.class, arn);
        if (entity == null) {
            return false;
        }
        em.remove(entity);
        return true;
    }
}
