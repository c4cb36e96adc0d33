package io.gatehouse.engine.identitypool.identity;

import java.util.Map;
import java.util.stream.Collectors;

/**
 * A verified login of the {@code Logins} map: who the token says the caller is, at which provider.
 *
 * @param provider     the provider as the map names it ({@code cognito-idp.<region>.amazonaws.com/<user pool id>})
 * @param subject      the caller's subject there (a user pool user's {@code sub})
 * @param roleKey      the name the pool's role mapping for it is keyed by ({@code <provider>:<client id>} for a
 *                     user pool)
 * @param claims       the token's claims, for role rules and principal tags
 * @param amrReference who signed in, as an OpenID token's {@code amr} names them after the provider:
 *                     {@code <provider>:CognitoSignIn:<sub>} for a user pool, as Cognito writes it
 */
public record Login(String provider, String subject, String roleKey, Map<String, Object> claims,
                    String amrReference) {

    public Login {
        // A JSON null in a token is as good as a missing claim.
        claims = claims.entrySet().stream().filter(e -> e.getValue() != null)
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** A login whose {@code amr} reference is {@code <provider>:<subject>}. */
    public Login(String provider, String subject, String roleKey, Map<String, Object> claims) {
        this(provider, subject, roleKey, claims, provider + ":" + subject);
    }
}
