package io.gatehouse.engine.domains;

import io.gatehouse.engine.config.GatehouseConfig;
import io.gatehouse.engine.error.ServiceException;
import io.gatehouse.engine.userpool.UserPools;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Pools' domains. A prefix domain is served at {@code <prefix>.<suffix>}, the suffix being
 * {@code gatehouse.domain-suffix} or else the host of the server's base URL (so {@code <prefix>.localhost} on a
 * developer's machine, which browsers resolve to the loopback address); a custom domain at its own name.
 */
@ApplicationScoped
@Transactional
public class Domains {

    /** Words Cognito keeps out of prefix domains. */
    private static final Set<String> RESERVED = Set.of("aws", "amazon", "cognito");

    @PersistenceContext(unitName = "gatehouse")
    EntityManager em;

    @Inject
    UserPools pools;

    @Inject
    GatehouseConfig config;

    @Inject
    Clock clock;

    /**
     * CreateUserPoolDomain.
     *
     * @param certificateArn the CustomDomainConfig's certificate for a custom domain, or null for a prefix domain
     */
    public Domain create(String userPoolId, String domain, String certificateArn, Integer managedLoginVersion) {
        pools.get(userPoolId);
        if (certificateArn == null && RESERVED.stream().anyMatch(domain::contains)) {
            throw ServiceException.invalidParameter("Domain cannot contain reserved word: "
                    + RESERVED.stream().filter(domain::contains).findFirst().orElseThrow());
        }
        if (em.find(DomainEntity.class, domain) != null) {
            throw ServiceException.invalidParameter("Domain already associated with another user pool.");
        }
        boolean custom = certificateArn != null;
        if (ofPool(userPoolId).stream().anyMatch(d -> d.custom() == custom)) {
            throw ServiceException.invalidParameter("The user pool already has a " + (custom ? "custom" : "prefix")
                    + " domain.");
        }
        DomainEntity entity = new DomainEntity(domain, userPoolId, certificateArn, version(managedLoginVersion),
                clock.millis());
        em.persist(entity);
        return entity.view();
    }

    /** DescribeUserPoolDomain: the domain, if any pool has it. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Domain> find(String domain) {
        return Optional.ofNullable(em.find(DomainEntity.class, domain)).map(DomainEntity::view);
    }

    /** The pool's domains (a prefix one, a custom one, or neither). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Domain> ofPool(String userPoolId) {
        return em.createQuery("select d from DomainEntity d where d.userPoolId = :pool", DomainEntity.class)
                .setParameter("pool", userPoolId).getResultList().stream().map(DomainEntity::view).toList();
    }

    /** UpdateUserPoolDomain: the managed login version, and a custom domain's certificate. */
    public Domain update(String userPoolId, String domain, String certificateArn, Integer managedLoginVersion) {
        DomainEntity entity = owned(userPoolId, domain);
        entity.update(certificateArn, version(managedLoginVersion));
        return entity.view();
    }

    /** DeleteUserPoolDomain. */
    public void delete(String userPoolId, String domain) {
        em.remove(owned(userPoolId, domain));
    }

    /**
     * The domain a request's host name is, if any: {@code <prefix>.<suffix>} for a prefix domain, the name itself for
     * a custom domain.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Domain> byHost(String host) {
        String name = host.toLowerCase(Locale.ROOT);
        String suffix = "." + suffix();
        if (name.endsWith(suffix) && name.length() > suffix.length()) {
            return find(name.substring(0, name.length() - suffix.length())).filter(d -> !d.custom());
        }
        return find(name).filter(Domain::custom);
    }

    /** The host name the domain is served at (Cognito's CloudFrontDomain). */
    public String hostName(Domain domain) {
        return domain.custom() ? domain.domain() : domain.domain() + "." + suffix();
    }

    private String suffix() {
        return config.domainSuffix().orElseGet(() -> URI.create(config.baseUrl()).getHost());
    }

    private DomainEntity owned(String userPoolId, String domain) {
        pools.get(userPoolId);
        DomainEntity entity = em.find(DomainEntity.class, domain, LockModeType.PESSIMISTIC_WRITE);
        if (entity == null || !entity.view().userPoolId().equals(userPoolId)) {
            throw ServiceException.invalidParameter("No such domain or user pool exists.");
        }
        return entity;
    }

    private static int version(Integer managedLoginVersion) {
        if (managedLoginVersion == null) {
            return 1;
        }
        if (managedLoginVersion != 1 && managedLoginVersion != 2) {
            throw ServiceException.invalidParameter("ManagedLoginVersion must be 1 or 2.");
        }
        return managedLoginVersion;
    }
}
