package io.gatehouse.engine.identitypool.roles;

import java.util.Optional;

/** One kind of role mapping ({@code RoleMapping.Type}): how it picks a role from a login's claims. */
interface RoleMapper {

    /**
     * The role the mapping picks.
     *
     * @return the role's ARN, or empty when the mapping cannot tell (its {@code AmbiguousRoleResolution} decides)
     * @throws RoleDeniedException when the caller asked for a role the login does not allow
     */
    Optional<String> choose(RoleRequest request);
}
