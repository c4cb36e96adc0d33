package io.gatehouse.engine.cluster;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Runs background work of the cluster off the request path: every node ticks once per the job's interval, and the
 * node whose claim wins ({@link ClusterJobs}) does the work. A tick that fails (the database down, say) is logged in
 * one line and the next tries again: a scheduled task that throws would never run again.
 */
@ApplicationScoped
public class ClusterSchedule {

    private static final Logger LOG = Logger.getLogger(ClusterSchedule.class.getName());

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    ClusterJobs clusterJobs;

    @Inject
    Clock clock;

    /** Runs {@code work} once per {@code job}'s interval across the cluster, from now until the server stops. */
    public void every(ClusterJob job, Runnable work) {
        long every = job.interval().toMillis();
        scheduler.scheduleWithFixedDelay(() -> tick(job, work), every, every, TimeUnit.MILLISECONDS);
    }

    private void tick(ClusterJob job, Runnable work) {
        try {
            if (clusterJobs.due(job, clock.millis())) {
                work.run();
            }
        } catch (RuntimeException e) {
            LOG.warning(() -> job.rowName() + " did not run (" + e + "); it runs again in "
                    + job.interval().toSeconds() + " s");
        }
    }
}
