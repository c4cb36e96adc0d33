package io.gatehouse.providers.federation.oauth;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The endpoints a social type fills in when the administrator leaves them out, as Cognito fills Google's, Facebook's,
 * Apple's and Amazon's (the real IdP's), each possibly derived from other details (Facebook's {@code api_version}).
 * A value given is kept, so tests and private deployments can point elsewhere.
 */
public final class EndpointDefaults {

    private final Map<String, Function<Map<String, String>, String>> defaults = new LinkedHashMap<>();

    /** {@code key}'s default. */
    public EndpointDefaults with(String key, String value) {
        defaults.put(key, details -> value);
        return this;
    }

    /** {@code key}'s default, from the other details. */
    public EndpointDefaults with(String key, Function<Map<String, String>, String> value) {
        defaults.put(key, value);
        return this;
    }

    /** Puts each default whose key has no value. */
    public void fill(Map<String, String> details) {
        defaults.forEach((key, value) -> {
            if (!details.containsKey(key)) {
                details.put(key, value.apply(details));
            }
        });
    }

    /**
     * The details to configure for an update: the given over the stored, but a stored value that was the default
     * goes unless the update gives it, so that it is filled again from the new details (a new {@code api_version}
     * gives new endpoints) while an endpoint the administrator set stays.
     */
    public Map<String, String> forUpdate(Map<String, String> given, Map<String, String> stored) {
        Map<String, String> merged = new HashMap<>(stored);
        defaults.forEach((key, value) -> {
            if (stored.containsKey(key) && stored.get(key).equals(value.apply(stored))) {
                merged.remove(key);
            }
        });
        merged.putAll(given);
        return merged;
    }
}
