package io.gatehouse.engine.federation;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import io.gatehouse.api.federation.DetailKey;
import io.gatehouse.api.federation.FederationProvider;
import io.gatehouse.api.federation.IdentityProviderSettings;
import io.gatehouse.api.federation.InvalidProviderDetailsException;
import io.gatehouse.engine.error.ServiceException;
import io.gatehouse.engine.json.Json;
import io.gatehouse.engine.security.DataKey;
import io.gatehouse.engine.security.OpenedSecrets;
import io.gatehouse.engine.userpool.Page;
import io.gatehouse.engine.userpool.PageToken;
import io.gatehouse.engine.userpool.UserPool;
import io.gatehouse.engine.userpool.UserPoolClients;
import io.gatehouse.engine.userpool.UserPools;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A pool's identity providers (CreateIdentityProvider and friends), and how the sign-in flow finds one. Secret
 * details are sealed with the data key at rest ({@link StoredDetails}) and opened on reading. Changes lock the pool's
 * row, so that two calls cannot both take one name or identifier.
 */
@ApplicationScoped
@Transactional
public class IdentityProviders {

    /** Cognito's quota of IdPs per user pool. */
    static final int MAX_PER_POOL = 300;

    private static final TypeReference<Map<String, String>> MAP = new TypeReference<>() {
    };
    private static final TypeReference<List<String>> LIST = new TypeReference<>() {
    };

    @PersistenceContext(unitName = "gatehouse")
    EntityManager em;

    @Inject
    UserPools pools;

    @Inject
    UserPoolClients clients;

    @Inject
    ProviderLinks links;

    @Inject
    FederationTypes types;

    @Inject
    DataKey dataKey;

    @Inject
    Clock clock;

    private final OpenedSecrets openedSecrets = new OpenedSecrets();

    /**
     * One IdP of a pool, its details opened.
     *
     * @param details          its {@code ProviderDetails}, secrets opened
     * @param attributeMapping user pool attribute to IdP claim, the type's fixed mapping included
     */
    public record PoolIdentityProvider(String userPoolId, String providerName, String providerType,
                                       Map<String, String> details, Map<String, String> attributeMapping,
                                       List<String> idpIdentifiers, Instant created, Instant lastModified) {

        public PoolIdentityProvider {
            details = Map.copyOf(details);
            attributeMapping = Map.copyOf(attributeMapping);
            idpIdentifiers = List.copyOf(idpIdentifiers);
        }

        /** The IdP as its provider type takes it. */
        public IdentityProviderSettings settings() {
            return new IdentityProviderSettings(userPoolId, providerName, providerType, details, idpIdentifiers);
        }

        /** Never shows the details: they hold secrets. */
        @Override
        public String toString() {
            return "PoolIdentityProvider[" + userPoolId + "/" + providerName + " (" + providerType + ")]";
        }
    }

    /** The pool's IdP of this name; empty when there is none (or no such pool). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<PoolIdentityProvider> find(String userPoolId, String providerName) {
        return Optional.ofNullable(em.find(IdentityProviderEntity.class,
                new IdentityProviderEntity.Key(userPoolId, providerName))).map(this::view);
    }

    /** The pool's IdP that has this identifier, compared regardless of case; empty when none has it. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<PoolIdentityProvider> byIdentifier(String userPoolId, String idpIdentifier) {
        return Optional.ofNullable(em.find(IdpIdentifierEntity.class, new IdpIdentifierEntity.Key(userPoolId,
                        IdentityProviderRules.identifierKey(idpIdentifier))))
                .flatMap(i -> find(userPoolId, i.providerName()));
    }

    /**
     * The IdPs that name themselves {@code issuer} (see {@link FederationProvider#issuer}): of one pool, or of every
     * pool when {@code userPoolId} is empty (a message that came to the server's own address, not a pool's domain).
     * At most {@code limit}, by pool and name.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<PoolIdentityProvider> byIssuer(String issuer, Optional<String> userPoolId, int limit) {
        String query = "select p from IdentityProviderEntity p where p.issuer = :issuer"
                + (userPoolId.isPresent() ? " and p.userPoolId = :pool" : "") + " order by p.userPoolId, p.providerName";
        var typed = em.createQuery(query, IdentityProviderEntity.class).setParameter("issuer", issuer);
        userPoolId.ifPresent(pool -> typed.setParameter("pool", pool));
        return typed.setMaxResults(limit).getResultList().stream().map(this::view).toList();
    }

    /** The pool's IdPs, by name. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<PoolIdentityProvider> all(String userPoolId) {
        return em.createQuery("select p from IdentityProviderEntity p where p.userPoolId = :pool"
                        + " order by p.providerName", IdentityProviderEntity.class)
                .setParameter("pool", userPoolId).getResultList().stream().map(this::view).toList();
    }

    /**
     * CreateIdentityProvider.
     *
     * @throws ServiceException {@code ResourceNotFoundException} for no such pool; {@code InvalidParameterException}
     *                          for a reserved name, an unknown type, details the type refuses or a mapping to an
     *                          attribute the pool lacks; {@code DuplicateProviderException} for a name or identifier
     *                          the pool has; {@code LimitExceededException} past {@value #MAX_PER_POOL} IdPs
     */
    public PoolIdentityProvider create(String userPoolId, String providerName, String providerType,
                                       IdentityProviderChanges changes) {
        UserPool pool = pools.get(userPoolId);
        pools.lockForUpdate(userPoolId);
        IdentityProviderRules.checkName(providerName, providerType);
        try (FederationProvider provider = types.named(providerType)) {
            if (find(userPoolId, providerName).isPresent()) {
                throw duplicate("A provider with the name " + providerName + " already exists in this user pool.");
            }
            if (count(userPoolId) >= MAX_PER_POOL) {
                throw new ServiceException("LimitExceededException", "A user pool can have at most "
                        + MAX_PER_POOL + " identity providers.");
            }
            long now = clock.millis();
            IdentityProviderEntity entity = new IdentityProviderEntity(userPoolId, providerName, providerType, now);
            set(entity, pool, provider, configure(provider, changes.details().orElse(Map.of())),
                    changes.attributeMapping().orElse(Map.of()), changes.idpIdentifiers().orElse(List.of()), now);
            em.persist(entity);
            // The identifiers reference the provider by plain columns, not a JPA relationship: insert it first.
            em.flush();
            writeIdentifiers(entity, changes.idpIdentifiers().orElse(List.of()));
            return view(entity);
        }
    }

    /**
     * UpdateIdentityProvider: details merged over the stored ones and checked again by the type; a mapping or
     * identifiers given replace the stored ones.
     *
     * @throws ServiceException as {@link #create} does, and {@code ResourceNotFoundException} for no such IdP
     */
    public PoolIdentityProvider update(String userPoolId, String providerName, IdentityProviderChanges changes) {
        UserPool pool = pools.get(userPoolId);
        pools.lockForUpdate(userPoolId);
        IdentityProviderEntity entity = existing(userPoolId, providerName, LockModeType.PESSIMISTIC_WRITE);
        PoolIdentityProvider current = view(entity);
        List<String> identifiers = changes.idpIdentifiers().orElse(current.idpIdentifiers());
        try (FederationProvider provider = types.named(entity.providerType())) {
            Map<String, String> details = reconfigure(provider, changes.details().orElse(Map.of()),
                    current.details());
            set(entity, pool, provider, details, changes.attributeMapping().orElse(current.attributeMapping()),
                    identifiers, clock.millis());
        }
        if (changes.idpIdentifiers().isPresent()) {
            em.createQuery("delete from IdpIdentifierEntity i where i.userPoolId = :pool and i.providerName = :name")
                    .setParameter("pool", userPoolId).setParameter("name", providerName).executeUpdate();
            writeIdentifiers(entity, identifiers);
        }
        return view(entity);
    }

    /**
     * DeleteIdentityProvider: with it go its identifiers, its links to native users, and its name from the app
     * clients' SupportedIdentityProviders, as in Cognito.
     *
     * @throws ServiceException {@code ResourceNotFoundException} for no such pool or IdP
     */
    public void delete(String userPoolId, String providerName) {
        pools.get(userPoolId);
        pools.lockForUpdate(userPoolId);
        IdentityProviderEntity entity = existing(userPoolId, providerName, LockModeType.PESSIMISTIC_WRITE);
        em.createQuery("delete from IdpIdentifierEntity i where i.userPoolId = :pool and i.providerName = :name")
                .setParameter("pool", userPoolId).setParameter("name", providerName).executeUpdate();
        links.forgetProvider(userPoolId, providerName);
        clients.removeSupportedIdentityProvider(userPoolId, providerName);
        em.remove(entity);
    }

    /**
     * DescribeIdentityProvider and GetIdentityProviderByIdentifier: the IdP with only the details its type shows
     * (Cognito shows an OAuth client secret, not Apple's private key). Of an IdP whose type is no longer installed,
     * the sealed details are hidden.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public PoolIdentityProvider described(PoolIdentityProvider idp) {
        Set<String> hidden;
        if (types.exists(idp.providerType())) {
            try (FederationProvider provider = types.named(idp.providerType())) {
                hidden = provider.detailKeys().stream().filter(k -> !k.returned()).map(DetailKey::name)
                        .collect(Collectors.toSet());
            }
        } else {
            hidden = StoredDetails.sealedKeys(existing(idp.userPoolId(), idp.providerName(), LockModeType.NONE)
                    .details());
        }
        Map<String, String> shown = new HashMap<>(idp.details());
        shown.keySet().removeAll(hidden);
        return new PoolIdentityProvider(idp.userPoolId(), idp.providerName(), idp.providerType(), shown,
                idp.attributeMapping(), idp.idpIdentifiers(), idp.created(), idp.lastModified());
    }

    /**
     * The IdP for an administrator's call.
     *
     * @throws ServiceException {@code ResourceNotFoundException} for no such pool or IdP
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public PoolIdentityProvider get(String userPoolId, String providerName) {
        pools.get(userPoolId);
        return view(existing(userPoolId, providerName, LockModeType.NONE));
    }

    /**
     * The IdP an identifier names, for an administrator's call.
     *
     * @throws ServiceException {@code ResourceNotFoundException} for no such pool, or no IdP with the identifier
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public PoolIdentityProvider getByIdentifier(String userPoolId, String idpIdentifier) {
        pools.get(userPoolId);
        return byIdentifier(userPoolId, idpIdentifier).orElseThrow(() -> ServiceException.resourceNotFound(
                "No identity provider has the identifier " + idpIdentifier + "."));
    }

    /** ListIdentityProviders: a page, by name. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<PoolIdentityProvider> list(String userPoolId, int limit, Optional<String> nextToken) {
        pools.get(userPoolId);
        String kind = "identity-providers:" + userPoolId;
        Optional<String> after = PageToken.decode(kind, nextToken);
        List<PoolIdentityProvider> rows = em.createQuery("select p from IdentityProviderEntity p"
                        + " where p.userPoolId = :pool and p.providerName > :after order by p.providerName",
                        IdentityProviderEntity.class)
                .setParameter("pool", userPoolId).setParameter("after", after.orElse(""))
                .setMaxResults(limit + 1).getResultList().stream().map(this::view).toList();
        return Page.cut(rows, limit, kind, PoolIdentityProvider::providerName);
    }

    /**
     * Checks an app client's SupportedIdentityProviders (CreateUserPoolClient, UpdateUserPoolClient).
     *
     * @throws ServiceException {@code InvalidParameterException} for a name that is neither COGNITO nor an IdP of
     *                          the pool, in Cognito's words
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public void checkSupported(String userPoolId, JsonNode request) {
        for (JsonNode name : request.path("SupportedIdentityProviders")) {
            if (!IdentityProviderRules.COGNITO.equals(name.asText()) && find(userPoolId, name.asText()).isEmpty()) {
                throw ServiceException.invalidParameter("The provider " + name.asText()
                        + " does not exist for User Pool " + userPoolId + ".");
            }
        }
    }

    /**
     * Checks and stores what a create or update sets: the details as the type configured them, the mapping merged
     * with the type's fixed one, the identifiers free in the pool.
     */
    private void set(IdentityProviderEntity entity, UserPool pool, FederationProvider provider,
                     Map<String, String> configured, Map<String, String> attributeMapping, List<String> identifiers,
                     long now) {
        Map<String, String> mapping = IdentityProviderRules.attributeMapping(attributeMapping,
                provider.fixedAttributeMapping(), pool.settings().path("SchemaAttributes"));
        for (String key : IdentityProviderRules.identifierKeys(identifiers)) {
            IdpIdentifierEntity taken = em.find(IdpIdentifierEntity.class,
                    new IdpIdentifierEntity.Key(entity.userPoolId(), key));
            if (taken != null && !taken.providerName().equals(entity.providerName())) {
                throw duplicate("The identifier " + key + " is already used by the provider "
                        + taken.providerName() + ".");
            }
        }
        Set<String> secrets = provider.detailKeys().stream().filter(DetailKey::secret).map(DetailKey::name)
                .collect(Collectors.toSet());
        entity.set(StoredDetails.write(entity.userPoolId(), entity.providerName(), configured, secrets, sealer()),
                Json.write(Json.MAPPER.valueToTree(mapping)), Json.write(Json.MAPPER.valueToTree(identifiers)),
                provider.issuer(configured).orElse(null), now);
    }

    /** The type's details for an update (UpdateIdentityProvider): the given ones over the stored ones. */
    private static Map<String, String> reconfigure(FederationProvider provider, Map<String, String> given,
                                                   Map<String, String> stored) {
        try {
            return Objects.requireNonNull(provider.reconfigure(Map.copyOf(given), Map.copyOf(stored)),
                    "the provider's reconfigure returned null");
        } catch (InvalidProviderDetailsException e) {
            throw ServiceException.invalidParameter(e.getMessage());
        }
    }

    private static Map<String, String> configure(FederationProvider provider, Map<String, String> details) {
        try {
            return Objects.requireNonNull(provider.configure(Map.copyOf(details)),
                    "the provider's configure returned null");
        } catch (InvalidProviderDetailsException e) {
            throw ServiceException.invalidParameter(e.getMessage());
        }
    }

    private void writeIdentifiers(IdentityProviderEntity entity, List<String> identifiers) {
        for (String key : IdentityProviderRules.identifierKeys(identifiers)) {
            em.persist(new IdpIdentifierEntity(entity.userPoolId(), key, entity.providerName()));
        }
    }

    private long count(String userPoolId) {
        return em.createQuery("select count(p) from IdentityProviderEntity p where p.userPoolId = :pool", Long.class)
                .setParameter("pool", userPoolId).getSingleResult();
    }

    private IdentityProviderEntity existing(String userPoolId, String providerName, LockModeType lock) {
        IdentityProviderEntity entity = em.find(IdentityProviderEntity.class,
                new IdentityProviderEntity.Key(userPoolId, providerName), lock);
        if (entity == null) {
            throw ServiceException.resourceNotFound("Identity provider " + providerName + " does not exist.");
        }
        return entity;
    }

    private PoolIdentityProvider view(IdentityProviderEntity e) {
        return new PoolIdentityProvider(e.userPoolId(), e.providerName(), e.providerType(),
                StoredDetails.read(e.userPoolId(), e.providerName(), e.details(), sealer()),
                read(e.attributeMapping(), MAP), read(e.idpIdentifiers(), LIST),
                Instant.ofEpochMilli(e.createdAt()), Instant.ofEpochMilli(e.modifiedAt()));
    }

    /** The data key, with opened values kept while their stored text is unchanged (sign-ins read them each time). */
    private StoredDetails.Sealer sealer() {
        return new StoredDetails.Sealer() {
            @Override
            public String seal(String plain, String context) {
                return dataKey.sealText(plain, context);
            }

            @Override
            public String open(String sealed, String context) {
                return openedSecrets.open(dataKey, sealed, context);
            }
        };
    }

    private static <T> T read(String json, TypeReference<T> type) {
        try {
            return Json.MAPPER.readValue(json, type);
        } catch (IOException e) {
            throw new UncheckedIOException("a stored identity provider is corrupt", e);
        }
    }

    private static ServiceException duplicate(String message) {
        return new ServiceException("DuplicateProviderException", message);
    }
}
