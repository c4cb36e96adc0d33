package io.gatehouse.engine.identitypool.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jwt.JWTClaimsSet;
import io.gatehouse.api.userstore.UserRecord;
import io.gatehouse.engine.error.ServiceException;
import io.gatehouse.engine.identitypool.IdentityPool;
import io.gatehouse.engine.token.IdTokens;
import io.gatehouse.engine.users.UserDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Verifies an identity-pool call's {@code Logins} map, each token in full before anything is linked or issued. A
 * user pool's ID token ({@code cognito-idp.<region>.amazonaws.com/<user pool id>}, or the pool's provider name in
 * any form the identity pool was given, as long as it ends in the user pool's id) is checked by {@link IdTokens}
 * against the app clients the identity pool lists for it; where one of them asks for {@code ServerSideTokenCheck},
 * the user pool is asked too: the sign-in must not have been ended, the user must still exist and be enabled.
 * Logins of other providers (social, OIDC, SAML, developer) are not taken yet and are refused.
 */
@ApplicationScoped
public class Logins {

    private static final String INVALID = "Invalid login token. ";

    @Inject
    IdTokens idTokens;

    @Inject
    UserDirectory users;

    /**
     * The verified logins of {@code logins} (the request's map; missing or empty for none).
     *
     * @throws ServiceException {@code NotAuthorizedException} for any token that does not verify, or a provider the
     *                          pool does not accept
     */
    public List<Login> verify(IdentityPool pool, JsonNode logins) {
        List<Login> verified = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : logins.properties()) {
            verified.add(verify(pool, entry.getKey(), entry.getValue().asText("")));
        }
        return verified;
    }

    private Login verify(IdentityPool pool, String provider, String token) {
        List<IdentityPool.CognitoProvider> clients = pool.cognitoIdentityProviders().stream()
                .filter(p -> p.providerName().equals(provider)).toList();
        if (clients.isEmpty()) {
            if (pool.roleMappingProviders().contains(provider) || pool.supportedLoginProviders().containsKey(provider)) {
                throw new ServiceException("NotAuthorizedException", INVALID + "Logins of " + provider
                        + " are not supported by this server yet.");
            }
            throw new ServiceException("NotAuthorizedException", INVALID + "The provider " + provider
                    + " is not configured for this identity pool.");
        }
        String userPoolId = provider.substring(provider.lastIndexOf('/') + 1);
        Set<String> clientIds = clients.stream().map(IdentityPool.CognitoProvider::clientId)
                .collect(Collectors.toSet());
        JWTClaimsSet claims = idTokens.verify(token, userPoolId, clientIds);
        String audience = claims.getAudience().stream().filter(clientIds::contains).findFirst().orElseThrow();
        boolean serverCheck = clients.stream().anyMatch(c -> c.clientId().equals(audience) && c.serverSideTokenCheck());
        if (serverCheck) {
            checkWithUserPool(userPoolId, claims);
        }
        return new Login(provider, claims.getSubject(), provider + ":" + audience, claims.getClaims());
    }

    /** ServerSideTokenCheck: the user pool still stands behind the token. */
    private void checkWithUserPool(String userPoolId, JWTClaimsSet claims) {
        if (idTokens.signInEnded(claims)) {
            throw new ServiceException("NotAuthorizedException", INVALID + "The user has signed out.");
        }
        List<UserRecord> user = users.bySubs(userPoolId, List.of(claims.getSubject()));
        if (user.isEmpty() || !user.get(0).enabled()) {
            throw new ServiceException("NotAuthorizedException", INVALID + "The user no longer exists or is"
                    + " disabled.");
        }
    }
}
