package io.gatehouse.engine.identitypool.roles;

import io.gatehouse.engine.identitypool.IdentityPoolRoles.RoleMapping;

import java.util.Optional;

/**
 * Picks an authenticated identity's role: by the pool's {@code RoleMapping} for the login's provider where it has
 * one ({@link TokenRoles}, {@link RuleRoles}), else the pool's authenticated role; a SAML login's roles come from
 * its assertion ({@link SamlRoles}). What a mapping cannot tell goes
 * to its {@code AmbiguousRoleResolution}: the authenticated role, or a denial.
 */
public final class RoleResolver {

    private RoleResolver() {
    }

    /**
     * The role for {@code request}.
     *
     * @param mapping the pool's {@code RoleMapping} for the provider, if it has one
     * @return the role's ARN, or empty when the pool has no role to give (a configuration error, not the caller's)
     * @throws RoleDeniedException when the mapping denies the login
     */
    public static Optional<String> resolve(Optional<RoleMapping> mapping, RoleRequest request) {
        if (mapping.isEmpty()) {
            return SamlRoles.isSamlLogin(request) ? SamlRoles.unmapped(request) : request.authenticatedRole();
        }
        Optional<String> chosen = mapper(mapping.get(), request).choose(request);
        if (chosen.isPresent()) {
            return chosen;
        }
        if (mapping.get().ambiguousRoleResolution().filter("AuthenticatedRole"::equals).isPresent()) {
            return request.authenticatedRole();
        }
        throw new RoleDeniedException("The ambiguous role mapping rules for: " + request.provider()
                + " denied this request.");
    }

    private static RoleMapper mapper(RoleMapping mapping, RoleRequest request) {
        return switch (mapping.type()) {
            // A SAML login's token is its assertion, whose roles are in its Role attribute.
            case "Token" -> SamlRoles.isSamlLogin(request) ? new SamlRoles() : new TokenRoles();
            case "Rules" -> new RuleRoles(mapping.rules());
            // SetIdentityPoolRoles accepts only the two; a stored mapping of another type is a defect.
            default -> throw new IllegalStateException("unknown role mapping type " + mapping.type());
        };
    }
}
