package io.gatehouse.providers.federation.saml;

import io.gatehouse.api.provider.ProviderConfig;
import io.gatehouse.api.provider.ProviderInitializationException;

import java.time.Duration;

/**
 * The type's server-level options, under {@code gatehouse.spi.federation.saml.}.
 *
 * @param metadataTimeout  how long a metadata URL may take to connect, and again to answer
 * @param metadataMaxBytes the largest metadata document read from a URL
 * @param metadataRefresh  how often a metadata URL is read again when the document names no
 *                         {@code validUntil} or {@code cacheDuration}
 * @param clockSkew        how far an IdP's clock may be off ours, for every time in its messages
 */
record SamlOptions(Duration metadataTimeout, int metadataMaxBytes, Duration metadataRefresh, Duration clockSkew) {

    static final SamlOptions DEFAULTS = new SamlOptions(Duration.ofSeconds(5), 1024 * 1024, Duration.ofHours(6),
            Duration.ofMinutes(3));

    static SamlOptions from(ProviderConfig config) throws ProviderInitializationException {
        return new SamlOptions(
                Duration.ofSeconds(ranged(config, "metadata-timeout-seconds",
                        (int) DEFAULTS.metadataTimeout.toSeconds(), 1, 60)),
                ranged(config, "metadata-max-bytes", DEFAULTS.metadataMaxBytes, 1024, 16 * 1024 * 1024),
                Duration.ofMinutes(ranged(config, "metadata-refresh-minutes",
                        (int) DEFAULTS.metadataRefresh.toMinutes(), 1, 7 * 24 * 60)),
                Duration.ofSeconds(ranged(config, "clock-skew-seconds", (int) DEFAULTS.clockSkew.toSeconds(), 0,
                        600)));
    }

    private static int ranged(ProviderConfig config, String option, int fallback, int min, int max)
            throws ProviderInitializationException {
        int value = config.getInt(option, fallback);
        if (value < min || value > max) {
            throw new ProviderInitializationException(
                    "option '" + option + "' must be " + min + " to " + max + ", not " + value);
        }
        return value;
    }
}
