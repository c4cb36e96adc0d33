package io.gatehouse.engine.identitypool.identity;

import io.gatehouse.engine.config.GatehouseConfig;
import io.gatehouse.engine.error.ServiceException;
import io.gatehouse.engine.identitypool.IdentityPool;
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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Developer-authenticated identities: the users of the developer's own back end, named to the identity pool by a
 * developer user identifier under the pool's {@code DeveloperProviderName}. Each is a login of that provider whose
 * subject is the identifier, so an identity may have several developer users and other logins besides, and
 * DescribeIdentity and ListIdentities show the provider among its logins. Only the developer's back end, signed with
 * the admin credential, names developer users; nothing unsigned can. One transaction each.
 */
@ApplicationScoped
@Transactional
public class DeveloperIdentities {

    private static final String TOKEN_KIND = "developer-users";

    @PersistenceContext(unitName = "gatehouse")
    EntityManager em;

    @Inject
    GatehouseConfig config;

    @Inject
    Clock clock;

    /**
     * LookupDeveloperIdentity's answer.
     *
     * @param identityId       the identity
     * @param developerUserIds a page of its developer users, in order
     * @param nextToken        the token of the next page, if any
     */
    public record Lookup(String identityId, List<String> developerUserIds, Optional<String> nextToken) {

        public Lookup {
            developerUserIds = List.copyOf(developerUserIds);
        }
    }

    /**
     * The linking half of GetOpenIdTokenForDeveloperIdentity: the identity of the developer user, to which the
     * caller's other (verified) logins are linked too. The user's identity when it has one; else the identity
     * {@code identityId} names, or the one the other logins are linked to, which the user is linked to; else a new
     * identity linked to them all. Two calls for the same new user at once may both try to link it: the loser's
     * transaction fails on the login's key with a {@link jakarta.persistence.PersistenceException}, and calling again
     * finds the winner's identity (as GetId does).
     *
     * @param identityId          the IdentityId of the request, if any
     * @param developerUserId     the value of the pool's developer provider in the request's {@code Logins}
     * @param otherVerifiedLogins the request's other logins, verified
     * @return the identity id
     * @throws ServiceException {@code InvalidParameterException} when the pool has no developer provider or the
     *                          identifier is too long; {@code ResourceNotFoundException} when {@code identityId} does
     *                          not exist; {@code ResourceConflictException} when it is of another pool or the logins
     *                          are linked to different identities; {@code NotAuthorizedException} when it is disabled;
     *                          {@code DeveloperUserAlreadyRegisteredException} when the user is linked to an identity
     *                          other than {@code identityId}
     */
    public String forDeveloperUser(IdentityPool pool, Optional<String> identityId, String developerUserId,
                                   List<Login> otherVerifiedLogins) {
        String provider = pool.developerProviderName().orElseThrow(() -> ServiceException.invalidParameter(
                "The identity pool " + pool.id() + " has no developer provider."));
        DeveloperLinkRules.userId(developerUserId);
        if (identityId.isPresent()) {
            IdentityEntity named = em.find(IdentityEntity.class, identityId.get());
            if (named == null) {
                throw ServiceException.resourceNotFound("Identity '" + identityId.get() + "' not found.");
            }
            if (!named.identityPoolId().equals(pool.id())) {
                throw new ServiceException("ResourceConflictException", "Identity '" + identityId.get()
                        + "' belongs to another identity pool.");
            }
            if (named.disabled()) {
                throw IdentityRows.forbidden(identityId.get());
            }
        }
        Optional<String> developerOwner = IdentityRows.owner(em, pool.id(), provider, developerUserId);
        List<Login> unlinked = new ArrayList<>();
        List<String> otherOwners = new ArrayList<>();
        for (Login login : otherVerifiedLogins) {
            IdentityRows.owner(em, pool.id(), login.provider(), login.subject())
                    .ifPresentOrElse(otherOwners::add, () -> unlinked.add(login));
        }
        Optional<String> target = DeveloperLinkRules.target(identityId, developerOwner, otherOwners);
        long now = clock.millis();
        String id = target.orElseGet(() -> IdentityRows.create(em, config.region(), pool.id(), now));
        if (developerOwner.isEmpty()) {
            unlinked.add(new Login(provider, developerUserId, provider, Map.of()));
        }
        for (Login login : unlinked) {
            em.persist(new IdentityLoginEntity(pool.id(), login, id, now));
        }
        if (target.isPresent() && !unlinked.isEmpty()) {
            em.find(IdentityEntity.class, id).touch(now);
        }
        em.flush();
        return id;
    }

    /**
     * LookupDeveloperIdentity: the identity of a developer user, or of {@code identityId}, with a page of its
     * developer users; given both, the user must be linked to that identity.
     *
     * @throws ServiceException {@code InvalidParameterException} when neither is given;
     *                          {@code ResourceNotFoundException} for an identity not in the pool or a developer user
     *                          not linked to any; {@code ResourceConflictException} when the user is linked to
     *                          another identity than {@code identityId}
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Lookup lookup(IdentityPool pool, Optional<String> identityId, Optional<String> developerUserId,
                         int maxResults, Optional<String> nextToken) {
        if (identityId.isEmpty() && developerUserId.isEmpty()) {
            throw ServiceException.invalidParameter("Either IdentityId or DeveloperUserIdentifier must be given.");
        }
        Optional<String> after = PageToken.decode(TOKEN_KIND, nextToken);
        identityId.ifPresent(id -> IdentityRows.inPool(em, pool.id(), id, LockModeType.NONE));
        Optional<String> owner = developerUserId.flatMap(user -> pool.developerProviderName()
                .flatMap(provider -> IdentityRows.owner(em, pool.id(), provider, user)));
        if (developerUserId.isPresent() && identityId.isPresent() && !owner.equals(identityId)) {
            throw new ServiceException("ResourceConflictException", "The developer user identifier is not linked"
                    + " to identity '" + identityId.get() + "'.");
        }
        String id = identityId.or(() -> owner).orElseThrow(() -> ServiceException.resourceNotFound(
                "No identity is linked to the developer user identifier in identity pool '" + pool.id() + "'."));
        if (pool.developerProviderName().isEmpty()) {
            return new Lookup(id, List.of(), Optional.empty());
        }
        TypedQuery<String> query = em.createQuery("select l.subject from IdentityLoginEntity l"
                        + " where l.identityId = :id and l.provider = :provider"
                        + (after.isPresent() ? " and l.subject > :after" : "") + " order by l.subject", String.class)
                .setParameter("id", id).setParameter("provider", pool.developerProviderName().get());
        after.ifPresent(a -> query.setParameter("after", a));
        Page<String> page = Page.cut(query.setMaxResults(maxResults + 1).getResultList(), maxResults, TOKEN_KIND,
                user -> user);
        return new Lookup(id, page.items(), page.nextToken());
    }

    /**
     * MergeDeveloperIdentities: every login of the source user's identity moves to the destination user's, and the
     * source identity is deleted. Merging a user into its own identity changes nothing.
     *
     * @return the destination identity
     * @throws ServiceException {@code InvalidParameterException} when {@code developerProvider} is not the pool's,
     *                          or the two would have too many logins; {@code ResourceNotFoundException} for a user
     *                          not linked to any identity; {@code ResourceConflictException} when the two are linked
     *                          to different users of another provider
     */
    public String merge(IdentityPool pool, String developerProvider, String sourceUserId,
                        String destinationUserId) {
        checkProvider(pool, developerProvider);
        String source = linked(pool, developerProvider, sourceUserId, "source");
        String destination = linked(pool, developerProvider, destinationUserId, "destination");
        if (source.equals(destination)) {
            return destination;
        }
        // Both rows locked, in one order whatever the direction, so that two merges cannot deadlock.
        Stream.of(source, destination).sorted(Comparator.naturalOrder()).forEach(id -> {
            if (em.find(IdentityEntity.class, id, LockModeType.PESSIMISTIC_WRITE) == null) {
                throw new ServiceException("ResourceConflictException", "Identity '" + id + "' was deleted meanwhile.");
            }
        });
        List<IdentityLoginEntity> moving = IdentityRows.logins(em, source);
        DeveloperLinkRules.checkMerge(linked(moving), linked(IdentityRows.logins(em, destination)),
                developerProvider);
        moving.forEach(login -> login.moveTo(destination));
        em.flush();
        em.remove(em.find(IdentityEntity.class, source));
        em.find(IdentityEntity.class, destination).touch(clock.millis());
        em.flush();
        return destination;
    }

    /**
     * UnlinkDeveloperIdentity: the developer user is no longer linked to the identity (its next sign-in gets a new
     * one); the identity is disabled when it was its last login.
     *
     * @throws ServiceException {@code InvalidParameterException} when {@code developerProvider} is not the pool's;
     *                          {@code ResourceNotFoundException} for an identity not in the pool or a user not linked
     *                          to any; {@code ResourceConflictException} when the user is linked to another identity
     */
    public void unlink(IdentityPool pool, String identityId, String developerProvider, String developerUserId) {
        checkProvider(pool, developerProvider);
        IdentityEntity identity = IdentityRows.inPool(em, pool.id(), identityId, LockModeType.PESSIMISTIC_WRITE);
        if (!linked(pool, developerProvider, developerUserId, "given").equals(identityId)) {
            throw new ServiceException("ResourceConflictException", "The developer user identifier is linked to "
                    + "another identity than '" + identityId + "'.");
        }
        IdentityLoginEntity login = em.find(IdentityLoginEntity.class,
                new IdentityLoginEntity.Key(pool.id(), developerProvider, developerUserId));
        IdentityRows.unlink(em, identity, List.of(login), clock.millis());
        em.flush();
    }

    private String linked(IdentityPool pool, String provider, String userId, String which) {
        return IdentityRows.owner(em, pool.id(), provider, userId).orElseThrow(() -> ServiceException
                .resourceNotFound("The " + which + " developer user identifier is not linked to any identity of"
                        + " identity pool '" + pool.id() + "'."));
    }

    private static List<DeveloperLinkRules.Linked> linked(List<IdentityLoginEntity> logins) {
        return logins.stream().map(l -> new DeveloperLinkRules.Linked(l.provider(), l.subject())).toList();
    }

    private static void checkProvider(IdentityPool pool, String developerProvider) {
        if (pool.developerProviderName().filter(developerProvider::equals).isEmpty()) {
            throw ServiceException.invalidParameter("The developer provider name " + developerProvider + " is not"
                    + " the developer provider of identity pool '" + pool.id() + "'.");
        }
    }
}
