package io.gatehouse.engine.oauth;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.api.userstore.UserRecord;
import io.gatehouse.engine.error.ServiceException;
import io.gatehouse.engine.json.Json;
import io.gatehouse.engine.resourceservers.OAuthScopes;
import io.gatehouse.engine.token.TokenService;
import io.gatehouse.engine.token.TokenSet;
import io.gatehouse.engine.userpool.UserPool;
import io.gatehouse.engine.userpool.UserPoolClient;
import io.gatehouse.engine.userpool.UserPools;
import io.gatehouse.engine.users.SignInService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The grants of the token endpoint, each checked against what the app client is allowed. */
@ApplicationScoped
public class TokenGrants {

    @Inject
    UserPools pools;

    @Inject
    OAuthScopes oauthScopes;

    @Inject
    TokenService tokens;

    @Inject
    SignInService signIns;

    @Inject
    AuthorizationCodes codes;

    /**
     * {@code client_credentials}: an access token for the client itself, with the custom scopes it asked for (all
     * it is allowed when it names none).
     */
    public ObjectNode clientCredentials(ClientAuthentication.Authenticated authenticated, String scope) {
        UserPoolClient client = authenticated.client();
        if (!authenticated.confidential()
                || !AuthorizationRequests.allowedFlows(client).contains("client_credentials")) {
            throw OAuthException.badRequest("unauthorized_client",
                    "The client is not allowed the client_credentials grant.");
        }
        // Custom scopes only: grantable() has already kept those that still exist.
        Set<String> allowed = new LinkedHashSet<>(oauthScopes.grantable(client));
        allowed.removeAll(OAuthScopes.STANDARD);
        Set<String> granted = scope == null || scope.isBlank() ? allowed
                : new LinkedHashSet<>(Arrays.asList(scope.trim().split(" +")));
        if (granted.isEmpty() || !allowed.containsAll(granted)) {
            throw OAuthException.badRequest("invalid_scope", "The scopes must be custom scopes the client is allowed.");
        }
        UserPool pool = pools.get(client.userPoolId());
        TokenSet issued = tokens.issueForClient(pool, client, List.copyOf(granted));
        return Json.MAPPER.createObjectNode().put("access_token", issued.accessToken())
                .put("expires_in", issued.expiresInSeconds()).put("token_type", "Bearer");
    }

    /**
     * {@code authorization_code}: the tokens of the sign-in the code stands for. The client must be the one the code
     * was issued to, with the same redirect URI (which may be left out when it was the client's DefaultRedirectURI)
     * and the PKCE verifier of its challenge.
     */
    @Transactional(dontRollbackOn = OAuthException.class)
    public ObjectNode authorizationCode(ClientAuthentication.Authenticated authenticated, String code,
                                        String redirectUri, String codeVerifier) {
        UserPoolClient client = authenticated.client();
        if (!AuthorizationRequests.allowedFlows(client).contains("code")) {
            throw OAuthException.badRequest("unauthorized_client", "The client is not allowed the authorization "
                    + "code grant.");
        }
        AuthorizationCodes.Redeemed redeemed = codes.redeem(client, code, redirectUri, codeVerifier);
        UserPool pool = pools.get(redeemed.userPoolId());
        UserRecord user = signIns.stillSignedIn(pool, redeemed.sub()).orElseThrow(() ->
                OAuthException.badRequest("invalid_grant", "The user can no longer sign in."));
        TokenService.SignIn signIn = tokens.signIn(pool, client, user, redeemed.grant());
        codes.redeemed(redeemed, signIn.originJti());
        return response(signIn.tokens());
    }

    /** {@code refresh_token}: new ID and access tokens for a user's refresh token issued to this client. */
    public ObjectNode refreshToken(ClientAuthentication.Authenticated authenticated, String refreshToken) {
        if (refreshToken == null || refreshToken.isEmpty()) {
            throw OAuthException.badRequest("invalid_request", "refresh_token is required.");
        }
        UserPoolClient client = authenticated.client();
        TokenSet issued;
        try {
            issued = signIns.tokensFromRefreshToken(client, refreshToken);
        } catch (ServiceException e) {
            throw OAuthException.badRequest("invalid_grant", e.getMessage());
        }
        return response(issued);
    }

    /** The token endpoint's answer for a user's tokens: an ID token only with openid, a refresh token when new. */
    static ObjectNode response(TokenSet issued) {
        ObjectNode response = Json.MAPPER.createObjectNode();
        if (issued.idToken() != null) {
            response.put("id_token", issued.idToken());
        }
        response.put("access_token", issued.accessToken());
        if (issued.refreshToken() != null) {
            response.put("refresh_token", issued.refreshToken());
        }
        return response.put("expires_in", issued.expiresInSeconds()).put("token_type", "Bearer");
    }
}
