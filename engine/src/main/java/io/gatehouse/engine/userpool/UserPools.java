package io.gatehouse.engine.userpool;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.engine.config.GatehouseConfig;
import io.gatehouse.engine.error.ServiceException;
import io.gatehouse.engine.json.Json;
import io.gatehouse.engine.json.StoredSettings;
import io.gatehouse.engine.token.KeyOwner;
import io.gatehouse.engine.token.SigningKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Creates, reads, changes and removes user pools. Each method is one transaction. */
@ApplicationScoped
@Transactional
public class UserPools {

    private static final String TOKEN_KIND = "pool";

    @PersistenceContext(unitName = "gatehouse")
    EntityManager em;

    @Inject
    Event<UserPoolUpdated> updated;

    @Inject
    GatehouseConfig config;

    @Inject
    Clock clock;

    @Inject
    SigningKeys signingKeys;

    /** Static, as {@link #view} is: UserPoolClients makes pool views too, without a call through this bean's proxy. */
    private static final StoredSettings PARSED_SETTINGS = new StoredSettings();

    /** Creates a pool from a validated CreateUserPool request. */
    public UserPool create(ObjectNode request) {
        ObjectNode settings = PoolSettings.forCreate(request);
        UserPoolEntity entity = new UserPoolEntity(Identifiers.userPoolId(config.region()),
                request.get("PoolName").asText(), Json.write(settings), clock.millis());
        em.persist(entity);
        // The keys' owner row is written by SQL, after the pool's: JPA is made to write the pool first.
        em.flush();
        signingKeys.createFor(KeyOwner.userPool(entity.id()));
        return view(entity);
    }

    /**
     * The pool with this id.
     *
     * @throws ServiceException {@code ResourceNotFoundException} when there is none
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public UserPool get(String id) {
        return view(find(id, LockModeType.NONE));
    }

    /** Applies a validated UpdateUserPool request. */
    public UserPool update(ObjectNode request) {
        UserPoolEntity entity = find(request.get("UserPoolId").asText(), LockModeType.PESSIMISTIC_WRITE);
        UserPool before = view(entity);
        ObjectNode settings = PoolSettings.forUpdate(Json.parseObject(entity.settings()), request);
        String name = request.has("PoolName") ? request.get("PoolName").asText() : entity.name();
        entity.update(name, Json.write(settings), clock.millis());
        UserPool after = view(entity);
        updated.fire(new UserPoolUpdated(before, after));
        return after;
    }

    /** Applies a validated SetUserPoolMfaConfig request. */
    public PoolMfa setMfaConfig(ObjectNode request) {
        UserPoolEntity entity = find(request.get("UserPoolId").asText(), LockModeType.PESSIMISTIC_WRITE);
        ObjectNode settings = PoolMfa.set(Json.parseObject(entity.settings()), request);
        entity.update(entity.name(), Json.write(settings), clock.millis());
        return PoolMfa.of(settings);
    }

    /** Adds custom attributes to the pool's schema (AddCustomAttributes). */
    public void addCustomAttributes(String id, JsonNode attributes) {
        UserPoolEntity entity = find(id, LockModeType.PESSIMISTIC_WRITE);
        ObjectNode settings = PoolSettings.withCustomAttributes(Json.parseObject(entity.settings()), attributes);
        entity.update(entity.name(), Json.write(settings), clock.millis());
    }

    /** Removes a pool and everything in it, unless its deletion protection is on. */
    public void delete(String id) {
        UserPoolEntity entity = find(id, LockModeType.PESSIMISTIC_WRITE);
        if ("ACTIVE".equals(Json.parseObject(entity.settings()).path("DeletionProtection").asText())) {
            throw ServiceException.invalidParameter("The user pool cannot be deleted because deletion protection "
                    + "is activated. Deletion protection must be inactivated first.");
        }
        em.createQuery("delete from UserPoolClientEntity c where c.userPoolId = :pool")
                .setParameter("pool", id).executeUpdate();
        em.remove(entity);
        signingKeys.deleteFor(KeyOwner.userPool(id));
    }

    /**
     * Locks the pool's row until the transaction ends, so that changes to what hangs off the pool (its identity
     * providers, risk configuration, UI customization) are made by one node at a time.
     *
     * @return false when there is no such pool
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean lockForUpdate(String id) {
        return em.find(UserPoolEntity.class, id, LockModeType.PESSIMISTIC_WRITE) != null;
    }

    /** One page of pools, in id order. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<UserPool> list(int maxResults, Optional<String> nextToken) {
        Optional<String> after = PageToken.decode(TOKEN_KIND, nextToken);
        TypedQuery<UserPoolEntity> query = em.createQuery(after.isPresent()
                ? "select p from UserPoolEntity p where p.id > :after order by p.id"
                : "select p from UserPoolEntity p order by p.id", UserPoolEntity.class);
        after.ifPresent(a -> query.setParameter("after", a));
        List<UserPoolEntity> rows = query.setMaxResults(maxResults + 1).getResultList();
        return Page.cut(rows.stream().map(UserPools::view).toList(), maxResults, TOKEN_KIND, UserPool::id);
    }

    /** The pool's ARN. */
    public String arn(String id) {
        return "arn:aws:cognito-idp:" + config.region() + ":" + config.accountId() + ":userpool/" + id;
    }

    UserPoolEntity find(String id, LockModeType lock) {
        UserPoolEntity entity = em.find(UserPoolEntity.class, id, lock);
        if (entity == null) {
            throw ServiceException.resourceNotFound("User pool " + id + " does not exist.");
        }
        return entity;
    }

    static UserPool view(UserPoolEntity e) {
        return new UserPool(e.id(), e.name(), PARSED_SETTINGS.parse(e.id(), e.settings()),
                Instant.ofEpochMilli(e.createdAt()), Instant.ofEpochMilli(e.modifiedAt()));
    }
}
