package io.gatehouse.api.provider;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A provider's server-level options: the configuration keys {@code gatehouse.spi.<family>.<id>.<option>} with
 * the prefix removed, so {@code gatehouse.spi.user-store.ldap.url} reaches the {@code ldap} factory as
 * {@code url}. Immutable.
 *
 * @param options option name to value; copied
 */
public record ProviderConfig(Map<String, String> options) {

    public ProviderConfig {
        options = Map.copyOf(options);
    }

    /** A configuration with no options. */
    public static ProviderConfig empty() {
        return new ProviderConfig(Map.of());
    }

    /** The option's value, or empty when it is not set. */
    public Optional<String> get(String option) {
        return Optional.ofNullable(options.get(option));
    }

    /** The option's value, or {@code fallback} when it is not set. */
    public String get(String option, String fallback) {
        return options.getOrDefault(option, fallback);
    }

    /**
     * The option as an integer, or {@code fallback} when it is not set.
     *
     * @throws ProviderInitializationException when it is set but not an integer
     */
    public int getInt(String option, int fallback) throws ProviderInitializationException {
        String value = options.get(option);
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new ProviderInitializationException("option '" + option + "' must be an integer, not '" + value + "'");
        }
    }

    /** The option names only: values may be secrets. */
    @Override
    public String toString() {
        return "ProviderConfig" + new TreeMap<>(options).keySet();
    }
}
