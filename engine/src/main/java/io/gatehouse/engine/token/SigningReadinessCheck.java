package io.gatehouse.engine.token;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Shows in {@code /health/ready} which JCA provider signs tokens; it is UP with either. */
@Readiness
@ApplicationScoped
public class SigningReadinessCheck implements HealthCheck {

    @Inject
    SigningProvider signingProvider;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("gatehouse-token-signing").up()
                .withData("provider", signingProvider.description())
                .build();
    }
}
