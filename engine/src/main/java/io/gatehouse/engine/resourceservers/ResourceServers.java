package io.gatehouse.engine.resourceservers;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatehouse.engine.error.ServiceException;
import io.gatehouse.engine.userpool.Page;
import io.gatehouse.engine.userpool.PageToken;
import io.gatehouse.engine.userpool.UserPools;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A pool's resource servers and their custom scopes (CreateResourceServer and friends). */
@ApplicationScoped
@Transactional
public class ResourceServers {

    @PersistenceContext(unitName = "gatehouse")
    EntityManager em;

    @Inject
    UserPools pools;

    @Inject
    Clock clock;

    /** CreateResourceServer. */
    public ResourceServer create(String userPoolId, String identifier, String name, JsonNode scopes) {
        pools.get(userPoolId);
        if (em.find(ResourceServerEntity.class, new ResourceServerEntity.Key(userPoolId, identifier)) != null) {
            throw ServiceException.invalidParameter(identifier + " already exists in pool " + userPoolId + ".");
        }
        ResourceServerEntity entity = new ResourceServerEntity(userPoolId, identifier, name,
                ResourceServer.Scope.write(checked(scopes)), clock.millis());
        em.persist(entity);
        return entity.view();
    }

    /** DescribeResourceServer. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ResourceServer get(String userPoolId, String identifier) {
        return find(userPoolId, identifier, LockModeType.NONE).view();
    }

    /** UpdateResourceServer: as in Cognito, the request's scopes replace the old ones (none given: none left). */
    public ResourceServer update(String userPoolId, String identifier, String name, JsonNode scopes) {
        ResourceServerEntity entity = find(userPoolId, identifier, LockModeType.PESSIMISTIC_WRITE);
        entity.update(name, ResourceServer.Scope.write(checked(scopes)), clock.millis());
        return entity.view();
    }

    /** DeleteResourceServer. */
    public void delete(String userPoolId, String identifier) {
        em.remove(find(userPoolId, identifier, LockModeType.PESSIMISTIC_WRITE));
    }

    /** ListResourceServers: a page, by identifier. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<ResourceServer> list(String userPoolId, int limit, Optional<String> nextToken) {
        pools.get(userPoolId);
        String kind = "resource-servers:" + userPoolId;
        Optional<String> after = PageToken.decode(kind, nextToken);
        List<ResourceServer> rows = em.createQuery("select r from ResourceServerEntity r where r.userPoolId = :pool"
                        + " and r.identifier > :after order by r.identifier", ResourceServerEntity.class)
                .setParameter("pool", userPoolId).setParameter("after", after.orElse(""))
                .setMaxResults(limit + 1).getResultList().stream().map(ResourceServerEntity::view).toList();
        return Page.cut(rows, limit, kind, ResourceServer::identifier);
    }

    /** Every custom scope the pool defines, as {@code <identifier>/<scope>}. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Set<String> scopesOf(String userPoolId) {
        Set<String> scopes = new HashSet<>();
        em.createQuery("select r from ResourceServerEntity r where r.userPoolId = :pool", ResourceServerEntity.class)
                .setParameter("pool", userPoolId).getResultList()
                .forEach(r -> scopes.addAll(r.view().fullScopeNames()));
        return scopes;
    }

    private ResourceServerEntity find(String userPoolId, String identifier, LockModeType lock) {
        pools.get(userPoolId);
        ResourceServerEntity entity = em.find(ResourceServerEntity.class,
                new ResourceServerEntity.Key(userPoolId, identifier), lock);
        if (entity == null) {
            throw ServiceException.resourceNotFound("Resource server " + identifier + " does not exist.");
        }
        return entity;
    }

    private static List<ResourceServer.Scope> checked(JsonNode scopes) {
        List<ResourceServer.Scope> list = ResourceServer.Scope.parse(scopes == null ? com.fasterxml.jackson.databind
                .node.MissingNode.getInstance() : scopes);
        Set<String> names = new HashSet<>();
        for (ResourceServer.Scope scope : list) {
            if (!names.add(scope.name())) {
                throw ServiceException.invalidParameter("Scope " + scope.name() + " is defined twice.");
            }
        }
        return list;
    }
}
