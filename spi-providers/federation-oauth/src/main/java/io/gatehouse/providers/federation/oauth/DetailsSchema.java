package io.gatehouse.providers.federation.oauth;

import io.gatehouse.api.federation.DetailKey;
import io.gatehouse.api.federation.InvalidProviderDetailsException;

import java.util.List;
import java.util.Map;

/**
 * configure() and reconfigure() of a social type: its keys, the checks of its own values, and the endpoints it fills
 * in (the real IdP's) when they are not given. {@code client_id} and {@code client_secret} are printable, and every
 * URL key follows {@link UpstreamUrls}' rule once filled.
 */
public final class DetailsSchema {

    /** A type's own checks of the given details, before the endpoints are filled in. */
    @FunctionalInterface
    public interface Check {
        void check(Map<String, String> details) throws InvalidProviderDetailsException;
    }

    private final String type;
    private final List<DetailKey> keys;
    private final EndpointDefaults defaults;
    private final List<String> urlKeys;
    private final Check check;

    /**
     * @param type     the provider type, for messages
     * @param keys     every key it takes
     * @param defaults what it fills in
     * @param urlKeys  the keys that hold URLs
     * @param check    its own checks
     */
    public DetailsSchema(String type, List<DetailKey> keys, EndpointDefaults defaults, List<String> urlKeys,
                         Check check) {
        this.type = type;
        this.keys = List.copyOf(keys);
        this.defaults = defaults;
        this.urlKeys = List.copyOf(urlKeys);
        this.check = check;
    }

    public List<DetailKey> keys() {
        return keys;
    }

    public Map<String, String> configure(Map<String, String> requested) throws InvalidProviderDetailsException {
        Map<String, String> details = DetailsRules.given(type, keys, requested);
        DetailsRules.printable(details, DetailNames.CLIENT_ID);
        DetailsRules.printable(details, DetailNames.CLIENT_SECRET);
        check.check(details);
        defaults.fill(details);
        DetailsRules.urls(details, urlKeys);
        return Map.copyOf(details);
    }

    /** An update: what was filled in is filled again from the new details, what was given stays. */
    public Map<String, String> reconfigure(Map<String, String> given, Map<String, String> stored)
            throws InvalidProviderDetailsException {
        return configure(defaults.forUpdate(given, stored));
    }
}
