package io.gatehouse.engine.identitypool.identity;

import io.gatehouse.engine.config.GatehouseConfig;
import io.gatehouse.engine.error.ServiceException;
import io.gatehouse.engine.identitypool.IdentityPool;
import io.gatehouse.engine.identitypool.openid.OpenIdTokens;
import io.gatehouse.engine.userpool.Page;
import io.gatehouse.engine.userpool.PageToken;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
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
     * authenticated by them. The pool's OpenID token ({@value OpenIdTokens#LOGIN_PROVIDER}) must be the identity's own.
     *
     * @throws ServiceException {@code NotAuthorizedException} when a login belongs to another identity, the
     *                          identity already has logins and these are not among them, or it is disabled
     */
    public void requireLinked(Identity identity, List<Login> logins) {
        if (identity.disabled()) {
            throw IdentityRows.forbidden(identity.id());
        }
        long now = clock.millis();
        boolean linked = false;
        for (Login login : logins) {
            if (OpenIdTokens.LOGIN_PROVIDER.equals(login.provider())) {
                // The pool's OpenID token proves the identity it was issued for, and is never linked.
                if (!login.subject().equals(identity.id())) {
                    throw IdentityRows.loginsDoNotMatch();
                }
                continue;
            }
            Optional<String> owner = owner(identity.identityPoolId(), login);
            if (owner.isPresent() && !owner.get().equals(identity.id())
                    || owner.isEmpty() && !identity.guest()) {
                throw IdentityRows.loginsDoNotMatch();
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

    /** ListIdentities: a page of the pool's identities in id order, without the disabled ones if asked. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Identity> list(String identityPoolId, int maxResults, Optional<String> nextToken,
                               boolean hideDisabled) {
        Optional<String> after = PageToken.decode(TOKEN_KIND, nextToken);
        TypedQuery<IdentityEntity> query = em.createQuery("select i from IdentityEntity i"
                + " where i.identityPoolId = :pool" + (after.isPresent() ? " and i.id > :after" : "")
                + (hideDisabled ? " and i.disabled = false" : "")
                + " order by i.identityPoolId, i.id", IdentityEntity.class).setParameter("pool", identityPoolId);
        after.ifPresent(a -> query.setParameter("after", a));
        List<IdentityEntity> rows = query.setMaxResults(maxResults + 1).getResultList();
        Map<String, List<String>> logins = providers(rows.stream().map(IdentityEntity::id).toList());
        List<Identity> identities = rows.stream().map(r -> view(r, logins.getOrDefault(r.id(), List.of())))
                .toList();
        return Page.cut(identities, maxResults, TOKEN_KIND, Identity::id);
    }

    /**
     * UnlinkIdentity: removes the links of the providers {@code providersToRemove} from the identity, which the
     * caller proved with {@code proof}: verified logins, every one linked to it (or the identity pool's OpenID token
     * for it, {@value OpenIdTokens#LOGIN_PROVIDER}, whose subject is the identity). A provider not linked to it is
     * passed over. The identity is disabled when its last login goes. The developer provider is unlinked with
     * UnlinkDeveloperIdentity, by the developer's back end, never by the caller.
     *
     * @throws ServiceException {@code NotAuthorizedException} when {@code proof} is empty or does not prove the
     *                          identity, or the identity is disabled; {@code InvalidParameterException} for the
     *                          pool's developer provider or {@value OpenIdTokens#LOGIN_PROVIDER} among the
     *                          providers to remove
     */
    public void unlink(IdentityPool pool, Identity identity, List<Login> proof, List<String> providersToRemove) {
        for (String provider : providersToRemove) {
            if (pool.developerProviderName().filter(provider::equals).isPresent()) {
                throw ServiceException.invalidParameter("The developer provider " + provider + " cannot be "
                        + "unlinked by UnlinkIdentity; the developer's back end calls UnlinkDeveloperIdentity.");
            }
            if (OpenIdTokens.LOGIN_PROVIDER.equals(provider)) {
                throw ServiceException.invalidParameter(OpenIdTokens.LOGIN_PROVIDER
                        + " is not a login linked to an identity.");
            }
        }
        if (identity.disabled()) {
            throw IdentityRows.forbidden(identity.id());
        }
        if (proof.isEmpty() || !proof.stream().allMatch(login -> proves(login, identity))) {
            throw IdentityRows.loginsDoNotMatch();
        }
        IdentityEntity entity = IdentityRows.inPool(em, identity.identityPoolId(), identity.id(),
                LockModeType.PESSIMISTIC_WRITE);
        List<IdentityLoginEntity> removed = IdentityRows.logins(em, identity.id()).stream()
                .filter(l -> providersToRemove.contains(l.provider())).toList();
        if (!removed.isEmpty()) {
            IdentityRows.unlink(em, entity, removed, clock.millis());
            em.flush();
        }
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

    /** Whether a verified login is the identity's: linked to it, or the pool's OpenID token for it. */
    private boolean proves(Login login, Identity identity) {
        if (OpenIdTokens.LOGIN_PROVIDER.equals(login.provider())) {
            return login.subject().equals(identity.id());
        }
        return owner(identity.identityPoolId(), login).filter(identity.id()::equals).isPresent();
    }

    private Optional<String> owner(String identityPoolId, Login login) {
        return IdentityRows.owner(em, identityPoolId, login.provider(), login.subject());
    }

    private String create(String identityPoolId, long now) {
        return IdentityRows.create(em, config.region(), identityPoolId, now);
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
                Instant.ofEpochMilli(entity.createdAt()), Instant.ofEpochMilli(entity.modifiedAt()),
                entity.disabled());
    }
}
