package io.gatehouse.engine.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness is DOWN while the data key cannot be loaded (a malformed GATEHOUSE_DATA_KEY, an unreadable key file):
 * without it no secret at rest opens. It shows the key's id, a fingerprint that gives nothing of the key away, so an
 * operator sees at a glance whether every node of a cluster has the same key. A failure names its kind only: the
 * message of a decoding error could quote what was configured.
 */
@Readiness
@ApplicationScoped
public class DataKeyReadinessCheck implements HealthCheck {

    static final String NAME = "gatehouse-data-key";

    @Inject
    DataKey dataKey;

    @Override
    public HealthCheckResponse call() {
        try {
            return HealthCheckResponse.named(NAME).up()
                    .withData("keyId", dataKey.keyId())
                    .withData("previousKeys", dataKey.previousKeyCount())
                    .build();
        } catch (RuntimeException e) {
            return HealthCheckResponse.named(NAME).down()
                    .withData("error", "the data key could not be loaded (" + rootCause(e).getClass().getSimpleName()
                            + "); see the server log")
                    .build();
        }
    }

    private static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
