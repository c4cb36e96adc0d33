package io.gatehouse.engine.plugin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness lists every provider: {@code <family>/<id>} with its version and jar when it loaded, and the reason
 * when it did not. One failed provider turns readiness DOWN, so a broken install never goes unnoticed.
 */
@Readiness
@ApplicationScoped
public class ProvidersReadinessCheck implements HealthCheck {

    @Inject
    ProviderRegistry registry;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("gatehouse-providers")
                .status(registry.failures().isEmpty())
                .withData("loaded", registry.loaded().size())
                .withData("failed", registry.failures().size());
        for (LoadedProvider p : registry.loaded()) {
            response.withData(p.family() + "/" + p.id(), "loaded: version " + p.version() + ", jar " + p.jar());
        }
        for (ProviderFailure f : registry.failures()) {
            response.withData(f.family() + "/" + f.id(), "FAILED: " + f.reason() + " (jar " + f.jar() + ")");
        }
        return response.build();
    }
}
