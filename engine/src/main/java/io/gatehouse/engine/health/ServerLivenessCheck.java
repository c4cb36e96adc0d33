package io.gatehouse.engine.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.lang.management.ThreadMXBean;

/**
 * Liveness: whether restarting this node would help. It is DOWN only for what a restart cures, deadlocked threads;
 * a database or IdP that does not answer is readiness's business (a restart would not bring it back, and a cluster
 * of nodes restarting together while the database is away would only make things worse). It shows the heap in use
 * and the uptime, for an operator reading it by hand.
 */
@Liveness
@ApplicationScoped
public class ServerLivenessCheck implements HealthCheck {

    static final String NAME = "gatehouse-server";

    @Override
    public HealthCheckResponse call() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long[] deadlocked = threads.findDeadlockedThreads();
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        return HealthCheckResponse.named(NAME)
                .status(deadlocked == null)
                .withData("deadlockedThreads", deadlocked == null ? 0 : deadlocked.length)
                .withData("heapUsedMegabytes", heap.getUsed() / (1024 * 1024))
                .withData("heapMaxMegabytes", heap.getMax() / (1024 * 1024))
                .withData("uptimeSeconds", ManagementFactory.getRuntimeMXBean().getUptime() / 1000)
                .build();
    }
}
