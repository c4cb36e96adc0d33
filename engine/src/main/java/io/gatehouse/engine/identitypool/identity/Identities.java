package io.gatehouse.engine.identitypool.identity;

import io.gatehouse.engine.config.GatehouseConfig;
import io.gatehouse.engine.error.ServiceException;
import io.gatehouse.engine.userpool.Page;
import io.gatehouse.engine.userpool.PageToken;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * An identity pool's identities and the logins linked to them. A login (provider and subject) belongs to at most
 * one identity of a pool, so the same sign-in always comes back to the same identity; a guest's identity has none.
 */
@ApplicationScoped
@Transactional
public class Identities {

    private static final String TOKEN_KIND = "identities";

    @PersistenceContext(unitName = "gatehouse")
    EntityManager em;

    @Inject
    GatehouseConfig config;

    @Inject
    Clock clock;

    /**
     * GetId with logins: the identity the logins are linked to, or a new one linked to them all. A login not yet
     * linked is linked to the identity the others found.
     *
     * @throws ServiceException {@code ResourceConflictException} when the logins belong to different identities
     */
    public String identityOf(String identityPoolId, List<Login> logins) {
        Set<String> found = new LinkedHashSet<>();
        List<Login> unlinked = new ArrayList<>();
        for (Login login : logins) {
            Optional<String> owner = owner(identityPoolId, login);
            owner.ifPresentOrElse(found::add, () -> unlinked.add(login));
        }
        if (found.size() > 1) {
            throw new ServiceException("ResourceConflictException",
                    "The logins given belong to different identities of this identity pool.");
        }
        long now = clock.millis();
        String identityId;
        if (found.isEmpty()) {
            identityId = create(identityPoolId, now);
        } else {
            identityId = found.iterator().next();
            if (!unlinked.isEmpty()) {
                em.find(IdentityEntity.class, identityId).touch(now);
            }
        }
        for (Login login : unlinked) {
            em.persist(new IdentityLoginEntity(identityPoolId, login, identityId, now));
        }
        em.flush();
        return identityId;
    }

    /** GetId without logins: a new guest identity. */
    public String newGuest(String identityPoolId) {
        String id = create(identityPoolId, clock.millis());
        em.flush();
        return id;
    }

    /**
     * Links logins to an identity that GetCredentialsForIdentity was called for: a guest's identity becomes
     * authenticated by them.
     *
     * @throws ServiceException {@code NotAuthorizedException} when a login belongs to another identity, or the
     *                          identity already has logins and these are not among them
     */
    public void requireLinked(Identity identity, List<Login> logins) {
        long now = clock.millis();
        boolean linked = false;
        for (Login login : logins) {
            Optional<String> owner = owner(identity.identityPoolId(), login);
            if (owner.isPresent() && !owner.get().equals(identity.id())
                    || owner.isEmpty() && !identity.guest()) {
                throw new ServiceException("NotAuthorizedException", "Logins don't match. Please include at least one"
                        + " valid login for this identity or identity pool.");
            }
            if (owner.isEmpty()) {
                em.persist(new IdentityLoginEntity(identity.identityPoolId(), login, identity.id(), now));
                linked = true;
            }
        }
        if (linked) {
            em.find(IdentityEntity.class, identity.id()).touch(now);
            em.flush();
        }
    }

    /**
     * DescribeIdentity.
     *
     * @throws ServiceException {@code ResourceNotFoundException} when there is no such identity
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Identity get(String identityId) {
        IdentityEntity entity = em.find(IdentityEntity.class, identityId);
        if (entity == null) {
            throw ServiceException.resourceNotFound("Identity '" + identityId + "' not found.");
        }
        return view(entity, providers(List.of(identityId)).getOrDefault(identityId, List.of()));
    }

    /** ListIdentities: a page of the pool's identities, oldest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Identity> list(String identityPoolId, int maxResults, Optional<String> nextToken) {
        Optional<String> after = PageToken.decode(TOKEN_KIND, nextToken);
        TypedQuery<IdentityEntity> query = em.createQuery("select i from IdentityEntity i"
                + " where i.identityPoolId = :pool" + (after.isPresent() ? " and i.id > :after" : "")
                + " order by i.identityPoolId, i.id", IdentityEntity.class).setParameter("pool", identityPoolId);
        after.ifPresent(a -> query.setParameter("after", a));
        List<IdentityEntity> rows = query.setMaxResults(maxResults + 1).getResultList();
        Map<String, List<String>> logins = providers(rows.stream().map(IdentityEntity::id).toList());
        List<Identity> identities = rows.stream().map(r -> view(r, logins.getOrDefault(r.id(), List.of())))
                .toList();
        return Page.cut(identities, maxResults, TOKEN_KIND, Identity::id);
    }

    /** DeleteIdentities: deletes those that exist, with their logins; unknown ids are passed over. */
    public void delete(List<String> identityIds) {
        for (String id : identityIds) {
            IdentityEntity entity = em.find(IdentityEntity.class, id);
            if (entity != null) {
                em.createQuery("delete from IdentityLoginEntity l where l.identityId = :id").setParameter("id", id)
                        .executeUpdate();
                em.remove(entity);
            }
        }
    }

    private Optional<String> owner(String identityPoolId, Login login) {
        IdentityLoginEntity row = em.find(IdentityLoginEntity.class,
                new IdentityLoginEntity.Key(identityPoolId, login.provider(), login.subject()));
        return Optional.ofNullable(row).map(IdentityLoginEntity::identityId);
    }

    private String create(String identityPoolId, long now) {
        String id = config.region() + ":" + UUID.randomUUID();
        em.persist(new IdentityEntity(id, identityPoolId, now));
        return id;
    }

    private Map<String, List<String>> providers(List<String> identityIds) {
        if (identityIds.isEmpty()) {
            return Map.of();
        }
        return em.createQuery("select l from IdentityLoginEntity l where l.identityId in :ids",
                        IdentityLoginEntity.class).setParameter("ids", identityIds).getResultStream()
                .collect(Collectors.groupingBy(IdentityLoginEntity::identityId,
                        Collectors.mapping(IdentityLoginEntity::provider, Collectors.toList())));
    }

    private static Identity view(IdentityEntity entity, List<String> providers) {
        return new Identity(entity.id(), entity.identityPoolId(), providers.stream().distinct().sorted().toList(),
                Instant.ofEpochMilli(entity.createdAt()), Instant.ofEpochMilli(entity.modifiedAt()));
    }
}
