package io.gatehouse.engine.federation.flow;

import io.gatehouse.api.federation.ReplayKey;
import io.gatehouse.engine.cluster.ClusterJob;
import io.gatehouse.engine.cluster.ClusterJobs;
import io.gatehouse.engine.security.Hashes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;

/**
 * The IdPs' single-use answers already taken (SAML assertion ids, of user pools' sign-ins and of identity pools'
 * logins), in the database so that every node agrees: an
 * assertion captured and posted again, to this node or another, finds its row. Rows go once their answer would
 * have expired anyway, so the table holds only minutes of sign-ins.
 */
@ApplicationScoped
public class FederatedReplays {

    /** An answer with an expiry further out than this is remembered only this long; its own checks end it sooner. */
    static final Duration LONGEST = Duration.ofDays(1);

    @PersistenceContext(unitName = "gatehouse")
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    ClusterJobs clusterJobs;

    /**
     * Takes {@code key} for the IdP: true the first time, false when it was taken before and has not expired. Two
     * nodes taking it at once meet at the primary key: the second insert fails, and its caller's sign-in with it.
     */
    @Transactional
    public boolean firstUse(String userPoolId, String providerName, ReplayKey key) {
        long now = clock.millis();
        if (clusterJobs.due(ClusterJob.FEDERATED_REPLAY_PURGE, now)) {
            em.createQuery("delete from FederatedReplayEntity r where r.expiresAt < :now").setParameter("now", now)
                    .executeUpdate();
        }
        long until = until(key, now);
        FederatedReplayEntity.Key id = new FederatedReplayEntity.Key(userPoolId, providerName,
                Hashes.sha256Hex(key.id()));
        FederatedReplayEntity seen = em.find(FederatedReplayEntity.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (seen != null && seen.expiresAt() > now) {
            return false;
        }
        if (seen != null) {
            seen.renew(until);
        } else {
            em.persist(new FederatedReplayEntity(userPoolId, providerName, Hashes.sha256Hex(key.id()), until));
        }
        em.flush();
        return true;
    }

    /**
     * Takes {@code key}, a SAML assertion an app brought to the identity pool {@code identityPoolId} under the IAM SAML
     * provider {@code providerArn}: true the first time, and again at the same pool until it expires (an app brings
     * one assertion to GetId, GetCredentialsForIdentity and GetOpenIdToken, and Cognito takes it until it expires);
     * false when another identity pool took it first. Two nodes taking it at once meet at the primary key.
     */
    @Transactional
    public boolean takenForIdentityPool(String identityPoolId, String providerArn, ReplayKey key) {
        long now = clock.millis();
        if (clusterJobs.due(ClusterJob.IDENTITY_POOL_REPLAY_PURGE, now)) {
            em.createQuery("delete from IdentityPoolReplayEntity r where r.expiresAt < :now")
                    .setParameter("now", now).executeUpdate();
        }
        String hash = Hashes.sha256Hex(providerArn + "\n" + key.id());
        IdentityPoolReplayEntity seen = em.find(IdentityPoolReplayEntity.class, hash, LockModeType.PESSIMISTIC_WRITE);
        if (seen != null && seen.expiresAt() > now) {
            return seen.identityPoolId().equals(identityPoolId);
        }
        if (seen != null) {
            seen.renew(identityPoolId, until(key, now));
        } else {
            em.persist(new IdentityPoolReplayEntity(hash, identityPoolId, until(key, now)));
        }
        em.flush();
        return true;
    }

    /** How long a key is kept: an expiry in the past still keeps it a few minutes (it was taken within the skew). */
    private static long until(ReplayKey key, long now) {
        return Math.min(Math.max(key.until().toEpochMilli(), now) + Duration.ofMinutes(5).toMillis(),
                now + LONGEST.toMillis());
    }
}
