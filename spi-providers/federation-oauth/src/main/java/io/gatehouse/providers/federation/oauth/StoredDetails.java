package io.gatehouse.providers.federation.oauth;

import io.gatehouse.api.federation.FederationException;
import io.gatehouse.api.federation.FederationException.Reason;
import io.gatehouse.api.federation.IdentityProviderSettings;

import java.net.URI;
import java.util.Optional;

/**
 * An IdP's stored details read back for a sign-in. configure() made them; an IdP whose stored details lack what a
 * sign-in needs (stored by other means) cannot be used until it is updated, which is the IdP's trouble, not the
 * user's: {@code UNAVAILABLE}.
 */
public final class StoredDetails {

    private StoredDetails() {
    }

    public static String required(IdentityProviderSettings settings, String key) throws FederationException {
        return settings.detail(key).orElseThrow(() -> new FederationException(Reason.UNAVAILABLE,
                "the IdP " + settings.providerName() + " has no " + key + "; update it to complete its details"));
    }

    public static URI url(IdentityProviderSettings settings, String key) throws FederationException {
        return parsed(settings, key, required(settings, key));
    }

    public static Optional<URI> optionalUrl(IdentityProviderSettings settings, String key)
            throws FederationException {
        Optional<String> value = settings.detail(key);
        return value.isEmpty() ? Optional.empty() : Optional.of(parsed(settings, key, value.get()));
    }

    private static URI parsed(IdentityProviderSettings settings, String key, String value)
            throws FederationException {
        try {
            return URI.create(value);
        } catch (IllegalArgumentException e) {
            throw new FederationException(Reason.UNAVAILABLE,
                    "the IdP " + settings.providerName() + " has a malformed " + key + "; update it");
        }
    }
}
