package io.gatehouse.engine.identitypool;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.gatehouse.engine.config.GatehouseConfig;
import io.gatehouse.engine.error.ServiceException;
import io.gatehouse.engine.json.Json;
import io.gatehouse.engine.userpool.Page;
import io.gatehouse.engine.userpool.PageToken;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import io.gatehouse.engine.persistence.UniqueViolation;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Creates, reads, changes and removes identity pools, their roles, principal tag maps and tags. One transaction each. */
@ApplicationScoped
@Transactional
public class IdentityPools {

    /** Cognito's limit on the tags of one identity pool. */
    static final int MAX_TAGS = 50;

    private static final String TOKEN_KIND = "identity-pools";
    private static final Pattern ARN = Pattern.compile(
            "arn:aws:cognito-identity:([^:]+):([^:]+):identitypool/([\\w-]+:[0-9a-f-]+)");

    @PersistenceContext(unitName = "gatehouse")
    EntityManager em;

    @Inject
    GatehouseConfig config;

    @Inject
    Clock clock;

    /** CreateIdentityPool, from a validated request. */
    public IdentityPool create(JsonNode request) {
        IdentityPool pool = parse(config.region() + ":" + UUID.randomUUID(), request,
                Json.stringMap(request.path("IdentityPoolTags")));
        DeveloperProviderNames.check(pool);
        pool.developerProviderName().ifPresent(name -> checkDeveloperProviderFree(name, pool.id()));
        em.persist(new IdentityPoolEntity(pool, clock.millis()));
        flushOrConflict(pool);
        return pool;
    }

    /**
     * DescribeIdentityPool.
     *
     * @throws ServiceException {@code ResourceNotFoundException} when there is no such pool
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public IdentityPool get(String id) {
        return find(id, LockModeType.NONE).view();
    }

    /**
     * UpdateIdentityPool: the request replaces the pool's configuration, as in Cognito, but for what cannot be
     * replaced or is managed elsewhere: a developer provider name once set stays (a different one is refused), and
     * tags stay unless the request gives new ones. Role mappings and principal tag maps of providers the pool no
     * longer accepts are dropped with them, so that adding a provider back does not revive an old mapping unseen.
     */
    public IdentityPool update(JsonNode request) {
        IdentityPoolEntity entity = find(request.path("IdentityPoolId").asText(), LockModeType.PESSIMISTIC_WRITE);
        IdentityPool before = entity.view();
        IdentityPool asked = parse(before.id(), request, request.has("IdentityPoolTags")
                ? Json.stringMap(request.get("IdentityPoolTags")) : before.tags());
        Optional<String> developer = asked.developerProviderName().or(before::developerProviderName);
        if (before.developerProviderName().isPresent() && !before.developerProviderName().equals(developer)) {
            throw ServiceException.invalidParameter("The developer provider name of an identity pool cannot be "
                    + "changed once set.");
        }
        if (before.developerProviderName().isEmpty()) {
            developer.ifPresent(name -> checkDeveloperProviderFree(name, before.id()));
        }
        IdentityPool after = new IdentityPool(asked.id(), asked.name(), asked.allowUnauthenticated(),
                asked.allowClassicFlow(), developer, asked.supportedLoginProviders(), asked.cognitoIdentityProviders(),
                asked.openIdConnectProviderArns(), asked.samlProviderArns(), asked.tags());
        DeveloperProviderNames.check(after);
        long now = clock.millis();
        entity.configure(after, now);
        IdentityPoolRoles roles = entity.roles();
        Set<String> mappable = after.roleMappingProviders();
        Map<String, IdentityPoolRoles.RoleMapping> mappings = new LinkedHashMap<>(roles.roleMappings());
        mappings.keySet().retainAll(mappable);
        entity.setRoles(new IdentityPoolRoles(roles.roles(), mappings), now);
        Map<String, PrincipalTags> tagMaps = new LinkedHashMap<>(entity.principalTags());
        tagMaps.keySet().retainAll(after.principalTagProviders());
        entity.setPrincipalTags(tagMaps, now);
        flushOrConflict(after);
        return after;
    }

    /** DeleteIdentityPool. */
    public void delete(String id) {
        em.remove(find(id, LockModeType.PESSIMISTIC_WRITE));
    }

    /** ListIdentityPools: a page, in id order. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<IdentityPool> list(int maxResults, Optional<String> nextToken) {
        Optional<String> after = PageToken.decode(TOKEN_KIND, nextToken);
        TypedQuery<IdentityPoolEntity> query = em.createQuery(after.isPresent()
                ? "select p from IdentityPoolEntity p where p.id > :after order by p.id"
                : "select p from IdentityPoolEntity p order by p.id", IdentityPoolEntity.class);
        after.ifPresent(a -> query.setParameter("after", a));
        List<IdentityPool> rows = query.setMaxResults(maxResults + 1).getResultList().stream()
                .map(IdentityPoolEntity::view).toList();
        return Page.cut(rows, maxResults, TOKEN_KIND, IdentityPool::id);
    }

    /**
     * SetIdentityPoolRoles: the request's roles and mappings replace the pool's.
     *
     * @throws ServiceException {@code InvalidParameterException} for roles or mappings Cognito would refuse
     *                          (see {@link IdentityPoolRules})
     */
    public void setRoles(String id, JsonNode roles, JsonNode roleMappings) {
        IdentityPoolEntity entity = find(id, LockModeType.PESSIMISTIC_WRITE);
        IdentityPoolRoles asked = new IdentityPoolRoles(Json.stringMap(roles),
                IdentityPoolRoles.parseMappings(roleMappings == null ? MissingNode.getInstance() : roleMappings));
        IdentityPoolRules.check(asked, entity.view().roleMappingProviders());
        entity.setRoles(asked, clock.millis());
    }

    /** GetIdentityPoolRoles. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public IdentityPoolRoles roles(String id) {
        return find(id, LockModeType.NONE).roles();
    }

    /**
     * The pool's roles and principal tag maps in one read: what GetCredentialsForIdentity and GetOpenIdToken need
     * of it on every call, after the pool itself was read to prove the caller.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public RoleSettings roleSettings(String id) {
        IdentityPoolEntity entity = find(id, LockModeType.NONE);
        return new RoleSettings(entity.roles(), entity.principalTags());
    }

    /**
     * SetPrincipalTagAttributeMap: the provider's map, replaced; an empty map without defaults removes it.
     *
     * @throws ServiceException {@code InvalidParameterException} for a provider the pool does not accept
     */
    public PrincipalTags setPrincipalTags(String id, String provider, boolean useDefaults, Map<String, String> tags) {
        IdentityPoolEntity entity = find(id, LockModeType.PESSIMISTIC_WRITE);
        checkTagProvider(entity.view(), provider);
        PrincipalTags map = PrincipalTags.of(useDefaults, tags);
        Map<String, PrincipalTags> maps = new LinkedHashMap<>(entity.principalTags());
        if (map.equals(PrincipalTags.NONE)) {
            maps.remove(provider);
        } else {
            maps.put(provider, map);
        }
        entity.setPrincipalTags(maps, clock.millis());
        return map;
    }

    /** GetPrincipalTagAttributeMap: the provider's map, {@link PrincipalTags#NONE} when it has none. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public PrincipalTags principalTags(String id, String provider) {
        IdentityPoolEntity entity = find(id, LockModeType.NONE);
        checkTagProvider(entity.view(), provider);
        return entity.principalTags().getOrDefault(provider, PrincipalTags.NONE);
    }

    /** TagResource: adds the tags, replacing the values of keys the pool already has. */
    public void tag(String arn, Map<String, String> tags) {
        IdentityPoolEntity entity = find(poolIdOf(arn), LockModeType.PESSIMISTIC_WRITE);
        IdentityPool pool = entity.view();
        Map<String, String> merged = new LinkedHashMap<>(pool.tags());
        merged.putAll(tags);
        entity.configure(withTags(pool, checkedTags(merged)), clock.millis());
    }

    /** UntagResource: removes the tags with these keys; keys the pool does not have are ignored. */
    public void untag(String arn, List<String> keys) {
        IdentityPoolEntity entity = find(poolIdOf(arn), LockModeType.PESSIMISTIC_WRITE);
        IdentityPool pool = entity.view();
        Map<String, String> left = new LinkedHashMap<>(pool.tags());
        keys.forEach(left::remove);
        entity.configure(withTags(pool, left), clock.millis());
    }

    /** ListTagsForResource. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<String, String> tags(String arn) {
        return find(poolIdOf(arn), LockModeType.NONE).view().tags();
    }

    /** The pool's ARN: {@code arn:aws:cognito-identity:<region>:<account>:identitypool/<id>}. */
    public String arn(String id) {
        return "arn:aws:cognito-identity:" + config.region() + ":" + config.accountId() + ":identitypool/" + id;
    }

    /**
     * The pool an ARN names.
     *
     * @throws ServiceException {@code InvalidParameterException} for what is not an identity pool's ARN;
     *                          {@code ResourceNotFoundException} for a pool of another region or account
     */
    private String poolIdOf(String arn) {
        Matcher m = ARN.matcher(arn);
        if (!m.matches()) {
            throw ServiceException.invalidParameter("Invalid identity pool ARN: " + arn);
        }
        if (!m.group(1).equals(config.region()) || !m.group(2).equals(config.accountId())) {
            throw ServiceException.resourceNotFound("Identity pool " + arn + " not found.");
        }
        return m.group(3);
    }

    private IdentityPoolEntity find(String id, LockModeType lock) {
        IdentityPoolEntity entity = em.find(IdentityPoolEntity.class, id, lock);
        if (entity == null) {
            throw ServiceException.resourceNotFound("IdentityPool '" + id + "' not found.");
        }
        return entity;
    }

    /** The pool a CreateIdentityPool or UpdateIdentityPool request describes. */
    private static IdentityPool parse(String id, JsonNode request, Map<String, String> tags) {
        List<IdentityPool.CognitoProvider> cognito = IdentityPool.CognitoProvider.parse(
                request.path("CognitoIdentityProviders"));
        for (IdentityPool.CognitoProvider provider : cognito) {
            if (provider.providerName().isEmpty() || provider.clientId().isEmpty()) {
                throw ServiceException.invalidParameter("A CognitoIdentityProvider needs a ProviderName and a "
                        + "ClientId.");
            }
        }
        return new IdentityPool(id, request.path("IdentityPoolName").asText(),
                request.path("AllowUnauthenticatedIdentities").asBoolean(false),
                request.path("AllowClassicFlow").asBoolean(false),
                Optional.ofNullable(request.path("DeveloperProviderName").textValue()),
                Json.stringMap(request.path("SupportedLoginProviders")), cognito,
                Json.stringList(request.path("OpenIdConnectProviderARNs")),
                Json.stringList(request.path("SamlProviderARNs")), checkedTags(tags));
    }

    private static IdentityPool withTags(IdentityPool pool, Map<String, String> tags) {
        return new IdentityPool(pool.id(), pool.name(), pool.allowUnauthenticated(), pool.allowClassicFlow(),
                pool.developerProviderName(), pool.supportedLoginProviders(), pool.cognitoIdentityProviders(),
                pool.openIdConnectProviderArns(), pool.samlProviderArns(), tags);
    }

    private static Map<String, String> checkedTags(Map<String, String> tags) {
        if (tags.size() > MAX_TAGS) {
            throw ServiceException.invalidParameter("An identity pool can have at most " + MAX_TAGS + " tags.");
        }
        return tags;
    }

    private static void checkTagProvider(IdentityPool pool, String provider) {
        if (!pool.principalTagProviders().contains(provider)) {
            throw ServiceException.invalidParameter("The identity pool is not configured for provider "
                    + provider + ".");
        }
    }

    private void checkDeveloperProviderFree(String name, String poolId) {
        if (!em.createQuery("select p.id from IdentityPoolEntity p where p.developerProviderName = :name "
                        + "and p.id <> :id", String.class)
                .setParameter("name", name).setParameter("id", poolId).setMaxResults(1).getResultList().isEmpty()) {
            throw developerProviderTaken(name);
        }
    }

    /**
     * Writes now, so that another pool taking the same developer provider name meanwhile (after the check, before
     * the commit) is a conflict, not a 500: the unique index is the last word.
     */
    private void flushOrConflict(IdentityPool pool) {
        if (pool.developerProviderName().isPresent()) {
            UniqueViolation.flushOr(em, () -> developerProviderTaken(pool.developerProviderName().get()));
        } else {
            em.flush();
        }
    }

    private static ServiceException developerProviderTaken(String name) {
        return new ServiceException("ResourceConflictException", "Developer provider name " + name
                + " is already used by another identity pool.");
    }
}
