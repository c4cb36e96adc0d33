package io.gatehouse.engine.imports;

import io.gatehouse.engine.cluster.ClusterJob;
import io.gatehouse.engine.cluster.ClusterSchedule;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.time.Clock;

/**
 * Finds import jobs whose run stopped with its node (killed, or stopped while the job ran) and runs them again on
 * this one. One node a {@link ClusterJob#IMPORT_WATCH} interval looks, and {@link ImportJobs#begin} gives each
 * orphaned job to one run.
 */
@ApplicationScoped
public class ImportWatch {

    @Inject
    ClusterSchedule schedule;

    @Inject
    ImportJobs jobs;

    @Inject
    ImportRunner runner;

    @Inject
    Clock clock;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
        schedule.every(ClusterJob.IMPORT_WATCH, () -> jobs.orphaned(clock.millis()).forEach(runner::resume));
    }
}
