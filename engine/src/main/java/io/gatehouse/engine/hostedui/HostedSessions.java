package io.gatehouse.engine.hostedui;

import io.gatehouse.engine.cluster.ClusterJob;
import io.gatehouse.engine.cluster.ClusterJobs;
import io.gatehouse.engine.security.Hashes;
import io.gatehouse.engine.security.RandomTokens;
import io.gatehouse.engine.token.SignInsRevoked;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Single sign-on across a pool's app clients: after a sign-in on the hosted UI the browser holds a random session
 * id (stored here only as a hash) for an hour, Cognito's figure, during which other clients of the pool get codes
 * without a new sign-in, until {@code /logout}.
 */
@ApplicationScoped
@Transactional
public class HostedSessions {

    static final Duration VALIDITY = Duration.ofHours(1);

    @PersistenceContext(unitName = "gatehouse")
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    ClusterJobs clusterJobs;

    /** A live session: who signed in, and when (the ID tokens' auth_time). */
    public record Session(String sub, long authTime) {
    }

    /** Opens a session for {@code sub}, who authenticated at {@code authTime}; returns the cookie's value. */
    public String open(String userPoolId, String sub, long authTime) {
        long now = clock.millis();
        if (clusterJobs.due(ClusterJob.HOSTED_SESSION_PURGE, now)) {
            em.createQuery("delete from HostedSessionEntity s where s.expiresAt < :now").setParameter("now", now)
                    .executeUpdate();
        }
        String id = RandomTokens.urlSafe(32);
        em.persist(new HostedSessionEntity(Hashes.sha256Hex(id), userPoolId, sub, authTime,
                now + VALIDITY.toMillis()));
        return id;
    }

    /** The live session a cookie names in this pool. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Session> find(String userPoolId, String id) {
        if (id == null || id.isEmpty()) {
            return Optional.empty();
        }
        HostedSessionEntity stored = em.find(HostedSessionEntity.class, Hashes.sha256Hex(id));
        if (stored == null || !stored.userPoolId().equals(userPoolId) || stored.expiresAt() <= clock.millis()) {
            return Optional.empty();
        }
        return Optional.of(new Session(stored.sub(), stored.authTime()));
    }

    /**
     * Ends a user's sessions when all their sign-ins are revoked. Cognito keeps its hosted UI cookie through a
     * global sign-out; Gatehouse does not, since a global sign-out is what an administrator reaches for when an
     * account is compromised.
     */
    void onRevoked(@Observes SignInsRevoked event) {
        em.createQuery("delete from HostedSessionEntity s where s.userPoolId = :pool and s.sub = :sub")
                .setParameter("pool", event.userPoolId()).setParameter("sub", event.sub()).executeUpdate();
    }

    /**
     * Ends the sessions a user began at an external IdP, when that IdP says they signed out there (SAML's
     * LogoutRequest): those begun in the IdP sessions it names, or, when it names none, every one begun there.
     * Sessions begun otherwise stay.
     *
     * @param upstreamSessions the IdP's session keys ({@link io.gatehouse.api.federation.UpstreamSignOut})
     * @return how many ended
     */
    public int endAt(String userPoolId, String sub, String providerName, List<String> upstreamSessions) {
        if (upstreamSessions.isEmpty()) {
            return em.createQuery("delete from HostedSessionEntity s where s.userPoolId = :pool and s.sub = :sub"
                            + " and s.providerName = :provider").setParameter("pool", userPoolId)
                    .setParameter("sub", sub).setParameter("provider", providerName).executeUpdate();
        }
        return em.createQuery("delete from HostedSessionEntity s where s.userPoolId = :pool and s.sub = :sub"
                        + " and s.providerName = :provider and s.upstreamSession in :sessions")
                .setParameter("pool", userPoolId).setParameter("sub", sub).setParameter("provider", providerName)
                .setParameter("sessions", upstreamSessions.stream().map(Hashes::sha256Hex).toList()).executeUpdate();
    }

    /** Ends the session a cookie names, if any. */
    public void end(String id) {
        ended(id);
    }

    /**
     * Ends the session a cookie names, if any, and says at which external IdP it began, for /logout to continue
     * there.
     */
    public Optional<Upstream> ended(String id) {
        if (id != null && !id.isEmpty()) {
            HostedSessionEntity stored = em.find(HostedSessionEntity.class, Hashes.sha256Hex(id));
            if (stored != null) {
                em.remove(stored);
                return stored.providerName() == null ? Optional.empty() : Optional.of(new Upstream(
                        stored.userPoolId(), stored.providerName(), Optional.ofNullable(stored.signOutHint()),
                        Optional.empty()));
            }
        }
        return Optional.empty();
    }

    /**
     * The external IdP a session began at.
     *
     * @param sealedSignOutHint what the IdP's provider needs to end its session, sealed with the data key
     * @param sessionKey        the IdP's own session, for a sign-out it begins (kept only as a hash)
     */
    public record Upstream(String userPoolId, String providerName, Optional<String> sealedSignOutHint,
                           Optional<String> sessionKey) {
    }

    /** Opens a session for a user who signed in through an external IdP (see {@link #open}). */
    public String open(String userPoolId, String sub, long authTime, Upstream upstream) {
        String id = open(userPoolId, sub, authTime);
        em.find(HostedSessionEntity.class, Hashes.sha256Hex(id)).upstream(upstream.providerName(),
                upstream.sealedSignOutHint().orElse(null), upstream.sessionKey().map(Hashes::sha256Hex).orElse(null));
        return id;
    }
}
