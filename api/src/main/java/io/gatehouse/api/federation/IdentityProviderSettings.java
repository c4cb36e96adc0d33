package io.gatehouse.api.federation;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One IdP of a user pool, as the engine hands it to its provider type.
 *
 * @param userPoolId    the pool
 * @param providerName  its {@code ProviderName} in the pool (what apps pass as {@code identity_provider})
 * @param providerType  its {@code ProviderType}
 * @param details       its stored {@code ProviderDetails}, secrets opened; copied
 * @param idpIdentifiers its {@code IdpIdentifiers}; copied
 * @param localParty    the pool's own side towards the IdP (entity id, endpoints, keys), where the engine has it:
 *                      always when it begins or completes a sign-in or a sign-out, never for
 *                      {@link FederationProvider#configure} (since API 1.4)
 */
public record IdentityProviderSettings(String userPoolId, String providerName, String providerType,
                                       Map<String, String> details, List<String> idpIdentifiers,
                                       Optional<LocalParty> localParty) {

    public IdentityProviderSettings {
        Objects.requireNonNull(userPoolId, "userPoolId");
        Objects.requireNonNull(providerName, "providerName");
        Objects.requireNonNull(providerType, "providerType");
        details = Map.copyOf(details);
        idpIdentifiers = List.copyOf(idpIdentifiers);
        Objects.requireNonNull(localParty, "localParty");
    }

    /** An IdP without the pool's side (API 1.3's form). */
    public IdentityProviderSettings(String userPoolId, String providerName, String providerType,
                                    Map<String, String> details, List<String> idpIdentifiers) {
        this(userPoolId, providerName, providerType, details, idpIdentifiers, Optional.empty());
    }

    /** The same IdP with the pool's side. */
    public IdentityProviderSettings withLocalParty(LocalParty party) {
        return new IdentityProviderSettings(userPoolId, providerName, providerType, details, idpIdentifiers,
                Optional.of(party));
    }

    /** A detail's value. */
    public Optional<String> detail(String key) {
        return Optional.ofNullable(details.get(key)).filter(v -> !v.isBlank());
    }

    /** Never shows the details: they hold secrets. */
    @Override
    public String toString() {
        return "IdentityProviderSettings[" + userPoolId + "/" + providerName + " (" + providerType + ")]";
    }
}
