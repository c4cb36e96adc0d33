package io.gatehouse.engine.threat.adaptive;

import io.gatehouse.engine.cluster.ClusterJob;
import io.gatehouse.engine.cluster.ClusterSchedule;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Deletes auth events past their retention, in the background: one node every {@link ClusterJob#AUTH_EVENT_PURGE}
 * interval deletes batches until none are left or {@link #BUDGET_NANOS} is spent, each batch a short transaction of
 * its own. Every sign-in writes an event, so a cluster signing in a million users an hour writes some 17,000 a
 * minute; this keeps up with several times that, where a bounded delete riding on a sign-in once a minute did not.
 * After an outage the backlog goes at the same pace, never as one long delete.
 */
@ApplicationScoped
public class AuthEventPurge {

    /** The most time one run spends deleting, so that a backlog never holds a node's worker for long. */
    static final long BUDGET_NANOS = 5_000_000_000L;

    @Inject
    ClusterSchedule schedule;

    @Inject
    AuthEvents events;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
        schedule.every(ClusterJob.AUTH_EVENT_PURGE, this::purge);
    }

    private void purge() {
        long started = System.nanoTime();
        while (events.purgeBatch() == AuthEvents.PURGE_BATCH && System.nanoTime() - started < BUDGET_NANOS) {
            // Next batch.
        }
    }
}
