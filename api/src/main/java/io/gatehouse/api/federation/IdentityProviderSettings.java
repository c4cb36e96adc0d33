package io.gatehouse.api.federation;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One IdP of a user pool, as the engine hands it to its provider type.
 *
 * @param userPoolId    the pool
 * @param providerName  its {@code ProviderName} in the pool (what apps pass as {@code identity_provider})
 * @param providerType  its {@code ProviderType}
 * @param details       its stored {@code ProviderDetails}, secrets opened; copied
 * @param idpIdentifiers its {@code IdpIdentifiers}; copied
 */
public record IdentityProviderSettings(String userPoolId, String providerName, String providerType,
                                       Map<String, String> details, List<String> idpIdentifiers) {

    public IdentityProviderSettings {
        Objects.requireNonNull(userPoolId, "userPoolId");
        Objects.requireNonNull(providerName, "providerName");
        Objects.requireNonNull(providerType, "providerType");
        details = Map.copyOf(details);
        idpIdentifiers = List.copyOf(idpIdentifiers);
    }

    /** A detail's value. */
    public java.util.Optional<String> detail(String key) {
        return java.util.Optional.ofNullable(details.get(key)).filter(v -> !v.isBlank());
    }

    /** Never shows the details: they hold secrets. */
    @Override
    public String toString() {
        return "IdentityProviderSettings[" + userPoolId + "/" + providerName + " (" + providerType + ")]";
    }
}
