package io.gatehouse.providers.federation.oidc;

import io.gatehouse.api.provider.ProviderConfig;
import io.gatehouse.api.provider.ProviderInitializationException;

import java.time.Duration;

/**
 * The {@code oidc} type's server-level options, under {@code gatehouse.spi.federation.oidc.}.
 *
 * @param connectTimeout how long to wait for an IdP to accept a connection
 * @param readTimeout    how long to wait for an IdP's answer once connected
 * @param clockSkew      how far an ID token's times may be off the server's clock
 */
record OidcOptions(Duration connectTimeout, Duration readTimeout, Duration clockSkew) {

    static final OidcOptions DEFAULTS = new OidcOptions(Duration.ofSeconds(5), Duration.ofSeconds(10),
            Duration.ofSeconds(60));

    static OidcOptions from(ProviderConfig config) throws ProviderInitializationException {
        return new OidcOptions(
                seconds(config, "connect-timeout-seconds", DEFAULTS.connectTimeout(), 1, 60),
                seconds(config, "read-timeout-seconds", DEFAULTS.readTimeout(), 1, 120),
                seconds(config, "clock-skew-seconds", DEFAULTS.clockSkew(), 0, 300));
    }

    private static Duration seconds(ProviderConfig config, String option, Duration fallback, int min, int max)
            throws ProviderInitializationException {
        int value = config.getInt(option, (int) fallback.toSeconds());
        if (value < min || value > max) {
            throw new ProviderInitializationException(
                    "option '" + option + "' must be " + min + " to " + max + " seconds, not " + value);
        }
        return Duration.ofSeconds(value);
    }

    int connectTimeoutMillis() {
        return (int) connectTimeout.toMillis();
    }

    int readTimeoutMillis() {
        return (int) readTimeout.toMillis();
    }
}
