package io.gatehouse.engine.identitypool.identity;

import io.gatehouse.engine.error.ServiceException;
import io.gatehouse.engine.identitypool.IdentityPool;
import io.gatehouse.engine.identitypool.openid.OpenIdToken;
import io.gatehouse.engine.identitypool.openid.OpenIdTokenRejected;
import io.gatehouse.engine.identitypool.openid.OpenIdTokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Map;

/**
 * Logins of {@value OpenIdTokens#LOGIN_PROVIDER}: this server's own identity-pool OpenID token, as a
 * developer-authenticated identity shows it to GetCredentialsForIdentity. The token must be for this identity pool
 * and for a signed-in identity: a guest's token proves nothing, and must not turn its identity into an
 * authenticated one. The login's subject is the identity the token names; its claims hold the token's {@code amr}
 * and {@code principal_tags} (tag key to value), which the credentials carry on.
 */
@ApplicationScoped
public class IdentityTokenLogins {

    /** The claims of such a login: the token's {@code amr}. */
    public static final String AMR = "amr";
    /** The claims of such a login: the token's session tags, tag key to value. */
    public static final String PRINCIPAL_TAGS = "principal_tags";

    @Inject
    OpenIdTokens tokens;

    Login verify(IdentityPool pool, String token) {
        OpenIdToken verified;
        try {
            verified = tokens.verify(token);
        } catch (OpenIdTokenRejected e) {
            throw new ServiceException("NotAuthorizedException", Logins.INVALID + e.getMessage());
        }
        if (!verified.identityPoolId().equals(pool.id())) {
            throw new ServiceException("NotAuthorizedException", Logins.INVALID + "Incorrect token audience.");
        }
        if (!verified.authenticated()) {
            throw new ServiceException("NotAuthorizedException", Logins.INVALID
                    + "The token of an unauthenticated identity is not a login.");
        }
        return new Login(OpenIdTokens.LOGIN_PROVIDER, verified.identityId(), OpenIdTokens.LOGIN_PROVIDER,
                Map.of(AMR, verified.amr(), PRINCIPAL_TAGS, verified.principalTags()));
    }
}
