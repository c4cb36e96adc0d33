package io.gatehouse.engine.oauth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.engine.error.ServiceException;
import io.gatehouse.engine.json.Json;
import io.gatehouse.engine.resourceservers.ResourceServers;
import io.gatehouse.engine.token.TokenService;
import io.gatehouse.engine.token.TokenSet;
import io.gatehouse.engine.userpool.UserPool;
import io.gatehouse.engine.userpool.UserPoolClient;
import io.gatehouse.engine.userpool.UserPools;
import io.gatehouse.engine.users.SignInService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

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
    ResourceServers resourceServers;

    @Inject
    TokenService tokens;

    @Inject
    SignInService signIns;

    /**
     * {@code client_credentials}: an access token for the client itself, with the custom scopes it asked for (all
     * it is allowed when it names none).
     */
    public ObjectNode clientCredentials(ClientAuthentication.Authenticated authenticated, String scope) {
        UserPoolClient client = authenticated.client();
        if (!authenticated.confidential() || !allowedFlows(client).contains("client_credentials")) {
            throw OAuthException.badRequest("unauthorized_client",
                    "The client is not allowed the client_credentials grant.");
        }
        Set<String> allowed = names(client.settings().path("AllowedOAuthScopes"));
        Set<String> defined = resourceServers.scopesOf(client.userPoolId());
        allowed.retainAll(defined);
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
        ObjectNode response = Json.MAPPER.createObjectNode().put("id_token", issued.idToken())
                .put("access_token", issued.accessToken());
        if (issued.refreshToken() != null) {
            response.put("refresh_token", issued.refreshToken());
        }
        return response.put("expires_in", issued.expiresInSeconds()).put("token_type", "Bearer");
    }

    private static Set<String> allowedFlows(UserPoolClient client) {
        return client.settings().path("AllowedOAuthFlowsUserPoolClient").asBoolean(false)
                ? names(client.settings().path("AllowedOAuthFlows")) : Set.of();
    }

    private static Set<String> names(JsonNode array) {
        Set<String> names = new LinkedHashSet<>();
        array.forEach(n -> names.add(n.asText()));
        return names;
    }
}
