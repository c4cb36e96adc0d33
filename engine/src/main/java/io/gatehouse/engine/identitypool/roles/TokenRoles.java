package io.gatehouse.engine.identitypool.roles;

import java.util.List;
import java.util.Optional;

/**
 * {@code Type: Token}: the role comes from the login's own token, as a user pool puts its groups' roles there:
 * the asked-for {@code CustomRoleArn} if it is among {@code cognito:roles} (anything else is denied), else
 * {@code cognito:preferred_role}; a token with roles but no preferred one, or none at all, is ambiguous.
 */
final class TokenRoles implements RoleMapper {

    static final String ROLES = "cognito:roles";
    static final String PREFERRED = "cognito:preferred_role";

    @Override
    public Optional<String> choose(RoleRequest request) {
        List<String> roles = ClaimValues.split(request.claims().get(ROLES));
        if (request.customRoleArn().isPresent()) {
            String asked = request.customRoleArn().get();
            if (!roles.contains(asked)) {
                throw new RoleDeniedException("The role " + asked + " is not among the roles of the token of "
                        + request.provider() + ".");
            }
            return Optional.of(asked);
        }
        return ClaimValues.of(request.claims().get(PREFERRED)).stream().findFirst();
    }
}
