package io.gatehouse.engine.userpool;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.engine.error.ServiceException;
import io.gatehouse.engine.json.Json;
import io.gatehouse.engine.json.StoredSettings;
import io.gatehouse.engine.security.DataKey;
import io.gatehouse.engine.security.OpenedSecrets;
import io.gatehouse.engine.security.SealedColumn;
import jakarta.enterprise.context.ApplicationScoped;
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

/** Creates, reads, changes and removes a pool's app clients. Each method is one transaction. */
@ApplicationScoped
@Transactional
public class UserPoolClients {

    private static final String TOKEN_KIND = "client";

    @PersistenceContext(unitName = "gatehouse")
    EntityManager em;

    @Inject
    UserPools pools;

    @Inject
    Clock clock;

    @Inject
    DataKey dataKey;

    private final StoredSettings parsedSettings = new StoredSettings();
    private final OpenedSecrets openedSecrets = new OpenedSecrets();

    /** Creates a client from a validated CreateUserPoolClient request. */
    public UserPoolClient create(ObjectNode request) {
        UserPoolEntity pool = pools.find(request.get("UserPoolId").asText(), LockModeType.NONE);
        boolean generate = request.path("GenerateSecret").asBoolean(false);
        if (generate && request.has("ClientSecret")) {
            throw ServiceException.invalidParameter(
                    "You cannot specify both GenerateSecret as true and provide a ClientSecret value.");
        }
        String secret = request.has("ClientSecret") ? request.get("ClientSecret").asText()
                : generate ? Identifiers.clientSecret() : null;
        ObjectNode settings = ClientSettings.from(request, Json.parseObject(pool.settings()), secret != null);
        String clientId = Identifiers.clientId();
        String sealed = secret == null ? null : dataKey.sealText(secret, secretContext(pool.id(), clientId));
        UserPoolClientEntity entity = new UserPoolClientEntity(clientId, pool.id(),
                request.get("ClientName").asText(), sealed, Json.write(settings), clock.millis());
        em.persist(entity);
        return view(entity);
    }

    /**
     * The client with this id in this pool.
     *
     * @throws ServiceException {@code ResourceNotFoundException} when the pool or the client does not exist
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public UserPoolClient get(String userPoolId, String clientId) {
        return view(find(userPoolId, clientId, LockModeType.NONE));
    }

    /**
     * The client with this id, in whichever pool it is: public calls name only the client.
     *
     * @throws ServiceException {@code ResourceNotFoundException} when there is none
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public UserPoolClient byClientId(String clientId) {
        UserPoolClientEntity entity = em.find(UserPoolClientEntity.class, clientId);
        if (entity == null) {
            throw ServiceException.resourceNotFound("User pool client " + clientId + " does not exist.");
        }
        return view(entity);
    }

    /**
     * The client with this id and its pool, read in one query: the public calls that name only their client (sign-in,
     * sign-up, password reset) need both, and two reads cost twice the persistence context, transaction interceptor
     * and statement.
     *
     * @throws ServiceException {@code ResourceNotFoundException} when there is no such client
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ClientOfPool byClientIdWithPool(String clientId) {
        List<Object[]> rows = em.createNamedQuery(UserPoolClientEntity.WITH_POOL, Object[].class)
                .setParameter("clientId", clientId).getResultList();
        if (rows.isEmpty()) {
            throw ServiceException.resourceNotFound("User pool client " + clientId + " does not exist.");
        }
        return new ClientOfPool(view((UserPoolClientEntity) rows.get(0)[0]),
                UserPools.view((UserPoolEntity) rows.get(0)[1]));
    }

    /** Applies a validated UpdateUserPoolClient request; what it leaves out returns to the default. */
    public UserPoolClient update(ObjectNode request) {
        String poolId = request.get("UserPoolId").asText();
        UserPoolClientEntity entity = find(poolId, request.get("ClientId").asText(), LockModeType.PESSIMISTIC_WRITE);
        ObjectNode poolSettings = Json.parseObject(pools.find(poolId, LockModeType.NONE).settings());
        ObjectNode settings = ClientSettings.from(request, poolSettings, entity.clientSecret() != null);
        String name = request.has("ClientName") ? request.get("ClientName").asText() : entity.clientName();
        entity.update(name, Json.write(settings), clock.millis());
        return view(entity);
    }

    /**
     * Takes an IdP being deleted out of the pool's clients' SupportedIdentityProviders, as Cognito does: a client
     * never names an IdP the pool does not have.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void removeSupportedIdentityProvider(String userPoolId, String providerName) {
        List<UserPoolClientEntity> rows = em.createQuery("select c from UserPoolClientEntity c"
                + " where c.userPoolId = :pool", UserPoolClientEntity.class).setParameter("pool", userPoolId)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
        for (UserPoolClientEntity entity : rows) {
            ObjectNode settings = Json.parseObject(entity.settings());
            if (!(settings.get("SupportedIdentityProviders") instanceof ArrayNode supported)) {
                continue;
            }
            boolean named = false;
            for (int i = supported.size() - 1; i >= 0; i--) {
                if (providerName.equals(supported.get(i).asText())) {
                    supported.remove(i);
                    named = true;
                }
            }
            if (named) {
                entity.update(entity.clientName(), Json.write(settings), clock.millis());
            }
        }
    }

    /** Removes a client. */
    public void delete(String userPoolId, String clientId) {
        em.remove(find(userPoolId, clientId, LockModeType.PESSIMISTIC_WRITE));
    }

    /** One page of a pool's clients, in client-id order. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<UserPoolClient> list(String userPoolId, int maxResults, Optional<String> nextToken) {
        pools.find(userPoolId, LockModeType.NONE);
        Optional<String> after = PageToken.decode(TOKEN_KIND, nextToken);
        TypedQuery<UserPoolClientEntity> query = em.createQuery("select c from UserPoolClientEntity c "
                + "where c.userPoolId = :pool" + (after.isPresent() ? " and c.clientId > :after" : "")
                + " order by c.clientId", UserPoolClientEntity.class).setParameter("pool", userPoolId);
        after.ifPresent(a -> query.setParameter("after", a));
        List<UserPoolClientEntity> rows = query.setMaxResults(maxResults + 1).getResultList();
        return Page.cut(rows.stream().map(this::view).toList(), maxResults, TOKEN_KIND, UserPoolClient::clientId);
    }

    UserPoolClientEntity find(String userPoolId, String clientId, LockModeType lock) {
        pools.find(userPoolId, LockModeType.NONE);
        UserPoolClientEntity entity = em.find(UserPoolClientEntity.class, clientId, lock);
        if (entity == null || !entity.userPoolId().equals(userPoolId)) {
            throw ServiceException.resourceNotFound("User pool client " + clientId + " does not exist.");
        }
        return entity;
    }

    /**
     * The view, with the secrets opened (once per stored value: confidential clients' sign-ins read them each time).
     */
    UserPoolClient view(UserPoolClientEntity e) {
        List<ClientSecret> secrets = e.storedSecrets().stream().map(stored -> new ClientSecret(stored.id(),
                openedSecrets.open(dataKey, stored.sealed(), stored.slot().context(e.userPoolId(), e.clientId())),
                Instant.ofEpochMilli(stored.createdAt()))).toList();
        return new UserPoolClient(e.clientId(), e.userPoolId(), e.clientName(), secrets,
                parsedSettings.parse(e.clientId(), e.settings()), Instant.ofEpochMilli(e.createdAt()),
                Instant.ofEpochMilli(e.modifiedAt()));
    }

    private static String secretContext(String userPoolId, String clientId) {
        return SealedColumn.CLIENT_SECRET.context(userPoolId, clientId);
    }
}
