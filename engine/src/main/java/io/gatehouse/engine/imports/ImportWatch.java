package io.gatehouse.engine.imports;

import io.gatehouse.engine.cluster.ClusterJob;
import io.gatehouse.engine.cluster.ClusterJobs;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.time.Clock;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Finds import jobs whose run stopped with its node (killed, or stopped while the job ran) and runs them again on
 * this one. Every node looks a few times a minute; one node a {@link ClusterJob#IMPORT_WATCH} interval does the
 * looking, and {@link ImportJobs#begin} gives each orphaned job to one run.
 */
@ApplicationScoped
public class ImportWatch {

    private static final Logger LOG = Logger.getLogger(ImportWatch.class.getName());

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    ClusterJobs clusterJobs;

    @Inject
    ImportJobs jobs;

    @Inject
    ImportRunner runner;

    @Inject
    Clock clock;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
        long every = ClusterJob.IMPORT_WATCH.interval().toMillis();
        scheduler.scheduleWithFixedDelay(this::look, every, every, TimeUnit.MILLISECONDS);
    }

    private void look() {
        try {
            long now = clock.millis();
            if (clusterJobs.due(ClusterJob.IMPORT_WATCH, now)) {
                jobs.orphaned(now).forEach(runner::resume);
            }
        } catch (RuntimeException e) {
            // The database down, say: the next look tries again. A scheduled task that throws is never run again.
            LOG.warning(() -> "Could not look for import jobs whose node stopped (" + e + "); looking again in "
                    + ClusterJob.IMPORT_WATCH.interval().toSeconds() + " s");
        }
    }
}
