package io.gatehouse.engine.threat.risk;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.engine.error.ServiceException;
import io.gatehouse.engine.userpool.UserPool;
import io.gatehouse.engine.userpool.UserPoolClients;
import io.gatehouse.engine.userpool.UserPools;
import io.gatehouse.engine.persistence.PoolClientKey;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Pools' and app clients' threat protection settings (SetRiskConfiguration, DescribeRiskConfiguration), and the
 * settings in force for a sign-in. A client's own configuration replaces the pool's compromised-credentials and
 * account-takeover parts whole, as in Cognito; the address lists are the pool's alone. What a sign-in reads is held
 * for a few seconds on each node ({@link EffectiveRiskCache}).
 */
@ApplicationScoped
@Transactional
public class RiskConfigurations {

    /** The client id a pool's own configuration is kept under, as Cognito answers it. */
    public static final String ALL_CLIENTS = "ALL";

    @PersistenceContext(unitName = "gatehouse")
    EntityManager em;

    @Inject
    UserPools pools;

    @Inject
    UserPoolClients clients;

    @Inject
    Clock clock;

    @Resource
    TransactionSynchronizationRegistry transactions;

    private EffectiveRiskCache cache;

    @PostConstruct
    void init() {
        cache = new EffectiveRiskCache(clock);
    }

    /**
     * SetRiskConfiguration: replaces the scope's configuration; with no part given, a pool's goes back to the
     * defaults and a client's to inheriting the pool's.
     *
     * @param clientId null for the pool's own
     * @return the configuration now stored, or empty when it was reset
     * @throws ServiceException {@code ResourceNotFoundException} for an unknown pool or client,
     *                          {@code UserPoolAddOnNotEnabledException} where the pool turned threat protection
     *                          off, {@code InvalidParameterException} for address lists on a client or ranges that
     *                          are not CIDR
     */
    public Optional<RiskConfiguration> set(String userPoolId, String clientId, Optional<ObjectNode> compromised,
                                           Optional<ObjectNode> accountTakeover, Optional<ObjectNode> exceptions) {
        String scope = scope(userPoolId, clientId);
        if (ThreatProtectionMode.of(pools.get(userPoolId)) == ThreatProtectionMode.OFF) {
            throw new ServiceException("UserPoolAddOnNotEnabledException", "Threat protection is off for user pool "
                    + userPoolId + " (UserPoolAddOns AdvancedSecurityMode OFF).");
        }
        if (exceptions.isPresent() && !scope.equals(ALL_CLIENTS)) {
            throw ServiceException.invalidParameter("RiskExceptionConfiguration can be set for a user pool only, "
                    + "not for an app client.");
        }
        exceptions.ifPresent(RiskConfigurations::checkRanges);
        forgetOnCommit(userPoolId);
        // The pool's row lock serialises two first sets of one scope, which would otherwise both insert.
        pools.lockForUpdate(userPoolId);
        RiskConfigurationEntity entity = em.find(RiskConfigurationEntity.class,
                new PoolClientKey(userPoolId, scope), LockModeType.PESSIMISTIC_WRITE);
        if (compromised.isEmpty() && accountTakeover.isEmpty() && exceptions.isEmpty()) {
            if (entity != null) {
                em.remove(entity);
            }
            return Optional.empty();
        }
        if (entity == null) {
            entity = new RiskConfigurationEntity(userPoolId, scope);
            em.persist(entity);
        }
        entity.replace(RiskConfiguration.text(compromised), RiskConfiguration.text(accountTakeover),
                RiskConfiguration.text(exceptions), clock.millis());
        return Optional.of(entity.view());
    }

    /**
     * DescribeRiskConfiguration: the client's own configuration, else the pool's, else none.
     *
     * @param clientId null for the pool's
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<RiskConfiguration> describe(String userPoolId, String clientId) {
        String scope = scope(userPoolId, clientId);
        List<RiskConfiguration> rows = rows(userPoolId, scope);
        return rows.stream().filter(r -> r.clientId().equals(scope)).findFirst()
                .or(() -> rows.stream().filter(r -> r.clientId().equals(ALL_CLIENTS)).findFirst());
    }

    /**
     * The settings in force for a sign-in, sign-up or password change through {@code clientId}: one query for the
     * client's and the pool's rows.
     *
     * @param clientId an app client of the pool that the caller has already found, or null where no client is
     *                 involved (AdminSetUserPassword)
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public EffectiveRisk effective(UserPool pool, String clientId) {
        ThreatProtectionMode mode = ThreatProtectionMode.of(pool);
        if (!mode.evaluates()) {
            return new EffectiveRisk(mode, CompromisedCredentialsPolicy.DEFAULT, Optional.empty(),
                    RiskExceptions.NONE);
        }
        String scope = clientId == null ? ALL_CLIENTS : clientId;
        List<RiskConfiguration> rows = cache.rows(pool.id(), scope, () -> rows(pool.id(), scope));
        Optional<RiskConfiguration> poolRow = rows.stream().filter(r -> r.clientId().equals(ALL_CLIENTS))
                .findFirst();
        Optional<RiskConfiguration> own = rows.stream().filter(r -> !r.clientId().equals(ALL_CLIENTS)).findFirst()
                .or(() -> poolRow);
        return new EffectiveRisk(mode,
                own.flatMap(RiskConfiguration::compromisedPolicy).orElse(CompromisedCredentialsPolicy.DEFAULT),
                own.flatMap(RiskConfiguration::accountTakeover),
                poolRow.flatMap(RiskConfiguration::exceptions).orElse(RiskExceptions.NONE));
    }

    /**
     * Clears this node's cached rows of the pool now and again once the change is over, so that a sign-in that read
     * the old rows meanwhile does not keep them for the cache's lifetime.
     */
    private void forgetOnCommit(String userPoolId) {
        cache.clear(userPoolId);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                cache.clear(userPoolId);
            }
        });
    }

    private List<RiskConfiguration> rows(String userPoolId, String scope) {
        return em.createQuery("select r from RiskConfigurationEntity r where r.userPoolId = :pool"
                        + " and (r.clientId = :client or r.clientId = :all)", RiskConfigurationEntity.class)
                .setParameter("pool", userPoolId).setParameter("client", scope).setParameter("all", ALL_CLIENTS)
                .getResultStream().map(RiskConfigurationEntity::view).toList();
    }

    /** The client id the row is kept under, after checking that the pool and the client exist. */
    private String scope(String userPoolId, String clientId) {
        pools.get(userPoolId);
        if (clientId == null || clientId.equals(ALL_CLIENTS)) {
            return ALL_CLIENTS;
        }
        clients.get(userPoolId, clientId);
        return clientId;
    }

    private static void checkRanges(ObjectNode exceptions) {
        try {
            RiskExceptions.read(exceptions);
        } catch (IllegalArgumentException e) {
            throw ServiceException.invalidParameter("RiskExceptionConfiguration: " + e.getMessage()
                    + " (ranges are in CIDR notation, such as 192.0.2.0/24).");
        }
    }
}
