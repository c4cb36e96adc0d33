package io.gatehouse.engine.identitypool.identity;

import com.nimbusds.jwt.JWTClaimsSet;
import io.gatehouse.api.userstore.UserRecord;
import io.gatehouse.engine.config.GatehouseConfig;
import io.gatehouse.engine.error.ServiceException;
import io.gatehouse.engine.identitypool.IdentityPool;
import io.gatehouse.engine.token.IdTokens;
import io.gatehouse.engine.users.UserDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Logins of user pools: an ID token under the user pool's provider name
 * ({@code cognito-idp.<region>.amazonaws.com/<user pool id>}, or the name in any form the identity pool was given,
 * as long as it ends in the user pool's id), checked by {@link IdTokens} against the app clients the identity pool
 * lists for it. Where one of them asks for {@code ServerSideTokenCheck}, the user pool is asked too: the sign-in
 * must not have been ended, the user must still exist and be enabled.
 */
@ApplicationScoped
class UserPoolLogins {

    @Inject
    IdTokens idTokens;

    @Inject
    UserDirectory users;

    @Inject
    GatehouseConfig config;

    /**
     * The pool's entries for the user pool {@code provider} names. A user pool has two names: Cognito's
     * ({@code cognito-idp.<region>.amazonaws.com/<id>}, which AWS's SDKs use) and its issuer's here without the scheme
     * ({@code <host>/<id>}, which Amplify uses, taking the name from the token); a login under either is the pool's
     * entry under the other, so the same user has one identity and one role mapping whichever client signs in. The
     * first entry's name is the one the login goes by (where the pool lists both).
     */
    List<IdentityPool.CognitoProvider> listed(IdentityPool pool, String provider) {
        String userPoolId = provider.substring(provider.lastIndexOf('/') + 1);
        Set<String> names = names(userPoolId);
        Set<String> sameUserPool = names.contains(provider) ? names : Set.of(provider);
        return pool.cognitoIdentityProviders().stream()
                .filter(p -> sameUserPool.contains(p.providerName())).toList();
    }

    /** The two names of a user pool of this server. */
    private Set<String> names(String userPoolId) {
        String issuer = config.baseUrl() + "/" + userPoolId;
        return Set.of("cognito-idp." + config.region() + ".amazonaws.com/" + userPoolId,
                issuer.substring(issuer.indexOf("://") + 3));
    }

    /**
     * Verifies {@code token}, a login of the user pool the pool lists as {@code provider}.
     *
     * @param clients the pool's entries for the provider (one per app client), as {@link #listed} found them
     */
    Login verify(List<IdentityPool.CognitoProvider> clients, String provider, String token) {
        String userPoolId = provider.substring(provider.lastIndexOf('/') + 1);
        Set<String> clientIds = clients.stream().map(IdentityPool.CognitoProvider::clientId)
                .collect(Collectors.toSet());
        JWTClaimsSet claims = idTokens.verify(token, userPoolId, clientIds);
        String audience = claims.getAudience().stream().filter(clientIds::contains).findFirst().orElseThrow();
        boolean serverCheck = clients.stream().anyMatch(c -> c.clientId().equals(audience) && c.serverSideTokenCheck());
        if (serverCheck) {
            checkWithUserPool(userPoolId, claims);
        }
        return new Login(provider, claims.getSubject(), provider + ":" + audience, claims.getClaims(),
                provider + ":CognitoSignIn:" + claims.getSubject());
    }

    /** ServerSideTokenCheck: the user pool still stands behind the token. */
    private void checkWithUserPool(String userPoolId, JWTClaimsSet claims) {
        if (idTokens.signInEnded(claims)) {
            throw new ServiceException("NotAuthorizedException", Logins.INVALID + "The user has signed out.");
        }
        List<UserRecord> user = users.bySubs(userPoolId, List.of(claims.getSubject()));
        if (user.isEmpty() || !user.get(0).enabled()) {
            throw new ServiceException("NotAuthorizedException", Logins.INVALID + "The user no longer exists or is"
                    + " disabled.");
        }
    }
}
