package io.gatehouse.engine.identitypool;

import java.util.Map;

/**
 * What an identity pool says about the credentials it gives, read together from its one row: its roles and role
 * mappings, and its principal tag maps by provider.
 *
 * @param roles         the roles and role mappings (GetIdentityPoolRoles)
 * @param principalTags the principal tag maps (SetPrincipalTagAttributeMap), by provider name
 */
public record RoleSettings(IdentityPoolRoles roles, Map<String, PrincipalTags> principalTags) {

    public RoleSettings {
        principalTags = Map.copyOf(principalTags);
    }

    /** The provider's principal tag map, {@link PrincipalTags#NONE} when it has none. */
    public PrincipalTags principalTags(String provider) {
        return principalTags.getOrDefault(provider, PrincipalTags.NONE);
    }
}
