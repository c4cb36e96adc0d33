package io.gatehouse.engine.cluster;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Decides which node runs work that any node may find due but that should run once across the cluster: the purges
 * of expired rows that requests trigger, and the watch over import jobs. Each node asks the database at most once
 * per interval per job (a {@link Throttle} in memory first), and the database lets one node an interval through
 * ({@link JobClaims}). A purge run twice would do no harm, only waste: the point is N nodes doing one DELETE a
 * minute instead of N, and not two nodes deleting the same rows at once.
 */
@ApplicationScoped
public class ClusterJobs {

    private static final Logger LOG = Logger.getLogger(ClusterJobs.class.getName());

    @Inject
    JobClaims claims;

    private final Map<ClusterJob, Throttle> local = new ConcurrentHashMap<>();

    /**
     * Whether the caller should run {@code job} now: true on one node, for one caller, per interval. A claim that
     * fails (the database busy or down) answers false: the work waits for the next interval, and the request that
     * noticed it goes on.
     */
    public boolean due(ClusterJob job, long nowMillis) {
        if (!local.computeIfAbsent(job, name -> new Throttle(job.interval())).due(nowMillis)) {
            return false;
        }
        try {
            return claims.claim(job, nowMillis);
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Could not claim the run of " + job + "; it waits for the next interval", e);
            return false;
        }
    }
}
