package io.gatehouse.engine.identitypool.roles;

import java.util.Map;
import java.util.Optional;

/**
 * What decides an authenticated identity's role: the login it proved and what the caller asked for.
 *
 * @param provider          the login's provider name, as the Logins map keys it (the role mapping's key)
 * @param claims            the verified token's claims (strings, numbers, booleans or lists of them)
 * @param customRoleArn     GetCredentialsForIdentity's {@code CustomRoleArn}, if given
 * @param authenticatedRole the pool's {@code authenticated} role, if it has one
 */
public record RoleRequest(String provider, Map<String, Object> claims, Optional<String> customRoleArn,
                          Optional<String> authenticatedRole) {

    public RoleRequest {
        claims = Map.copyOf(claims);
    }
}
