package io.gatehouse.engine.identitypool.identity;

import java.util.Map;
import java.util.stream.Collectors;

/**
 * A verified login of the {@code Logins} map: who the token says the caller is, at which provider.
 *
 * @param provider the provider as the map names it ({@code cognito-idp.<region>.amazonaws.com/<user pool id>})
 * @param subject  the caller's subject there (a user pool user's {@code sub})
 * @param roleKey  the name the pool's role mapping for it is keyed by ({@code <provider>:<client id>} for a user
 *                 pool)
 * @param claims   the token's claims, for role rules and principal tags
 */
public record Login(String provider, String subject, String roleKey, Map<String, Object> claims) {

    public Login {
        // A JSON null in a token is as good as a missing claim.
        claims = claims.entrySet().stream().filter(e -> e.getValue() != null)
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
