package io.gatehouse.engine.identitypool.credentials;

import io.gatehouse.api.credentials.CredentialsBroker;
import io.gatehouse.api.credentials.CredentialsBrokerFactory;
import io.gatehouse.api.provider.ProviderContext;
import io.gatehouse.api.provider.Spi;
import io.gatehouse.engine.identitypool.sts.LocalSts;
import io.gatehouse.engine.identitypool.sts.StsSessions;
import io.gatehouse.engine.plugin.ProviderRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.util.Optional;

/**
 * The broker that issues identity pools' credentials: {@code gatehouse.identity-pools.credentials-broker}, the
 * built-in {@code local-sts} by default, or the id of an installed {@code credentials-broker} provider.
 */
@ApplicationScoped
public class CredentialsBrokers {

    @Inject
    ProviderRegistry providers;

    @Inject
    StsSessions sessions;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "gatehouse.identity-pools.credentials-broker", defaultValue = LocalSts.ID)
    String brokerId;

    /**
     * A broker for one call, to close after it.
     *
     * @return empty when the configured broker is not installed (a configuration error the caller reports)
     */
    public Optional<CredentialsBroker> open(String identityPoolId) {
        if (LocalSts.ID.equals(brokerId)) {
            return Optional.of(new LocalSts(sessions, clock));
        }
        return providers.factory(Spi.CREDENTIALS_BROKER, brokerId, CredentialsBrokerFactory.class)
                .map(f -> f.create(ProviderContext.of(Optional.empty(), clock)));
    }

    /** The configured broker's id, for messages. */
    public String id() {
        return brokerId;
    }
}
