package io.gatehouse.engine.identitypool.sts;

import io.gatehouse.engine.cluster.ClusterJob;
import io.gatehouse.engine.cluster.ClusterJobs;
import io.gatehouse.engine.security.DataKey;
import io.gatehouse.engine.security.Hashes;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Optional;

/**
 * The stored local-sts sessions: written when credentials are issued, read when a request signed with them arrives.
 * Expired rows are deleted, a bounded batch at most once a minute, by the issue that finds it due.
 */
@ApplicationScoped
public class StsSessions implements SessionStore {

    private static final int PURGE_BATCH = 500;

    @PersistenceContext(unitName = "gatehouse")
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    DataKey dataKey;

    @Inject
    ClusterJobs clusterJobs;

    private LocalStsKeys keys;

    @PostConstruct
    void init() {
        keys = new LocalStsKeys(dataKey::mac);
    }

    /** The secret access key of a key id local-sts issued (derived, never stored). */
    @Override
    public String secretFor(String accessKeyId) {
        return keys.secretFor(accessKeyId);
    }

    /** Stores a session whose token is {@code sessionToken} (kept as its hash). */
    @Override
    @Transactional(Transactional.TxType.REQUIRED)
    public void add(String accessKeyId, String sessionToken, StsSession session) {
        long now = clock.millis();
        if (clusterJobs.due(ClusterJob.STS_SESSION_PURGE, now)) {
            var expired = em.createQuery("select s.accessKeyId from StsSessionEntity s where s.expiresAt < :now"
                    + " order by s.expiresAt", String.class).setParameter("now", now).setMaxResults(PURGE_BATCH)
                    .getResultList();
            if (!expired.isEmpty()) {
                em.createQuery("delete from StsSessionEntity s where s.accessKeyId in :ids")
                        .setParameter("ids", expired).executeUpdate();
            }
        }
        em.persist(new StsSessionEntity(accessKeyId, Hashes.sha256Hex(sessionToken), session, now));
    }

    /**
     * The session of {@code accessKeyId} whose token is {@code sessionToken}, expired or not: none for a key id not
     * of this server's form, an unknown key or another token (compared in constant time).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<StsSession> find(String accessKeyId, String sessionToken) {
        if (!LocalStsKeys.wellFormed(accessKeyId)) {
            return Optional.empty();
        }
        StsSessionEntity row = em.find(StsSessionEntity.class, accessKeyId);
        if (row == null || sessionToken == null || !MessageDigest.isEqual(
                row.sessionTokenHash().getBytes(StandardCharsets.US_ASCII),
                Hashes.sha256Hex(sessionToken).getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        return Optional.of(row.view());
    }
}
