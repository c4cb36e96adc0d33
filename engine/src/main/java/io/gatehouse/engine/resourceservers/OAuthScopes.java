package io.gatehouse.engine.resourceservers;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatehouse.engine.error.ServiceException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Set;

/** The scopes an app client may be allowed: the standard ones, and the custom scopes of the pool's resource servers. */
@ApplicationScoped
public class OAuthScopes {

    /** The scopes every pool has. */
    public static final Set<String> STANDARD = Set.of("openid", "email", "phone", "profile",
            "aws.cognito.signin.user.admin");

    @Inject
    ResourceServers resourceServers;

    /**
     * Checks a client's AllowedOAuthScopes (CreateUserPoolClient, UpdateUserPoolClient).
     *
     * @throws ServiceException {@code ScopeDoesNotExistException} for a scope the pool does not have;
     *                          {@code InvalidOAuthFlowException} for a standard scope with client_credentials
     */
    public void checkClient(String userPoolId, JsonNode request) {
        JsonNode scopes = request.path("AllowedOAuthScopes");
        if (scopes.isEmpty()) {
            return;
        }
        Set<String> custom = resourceServers.scopesOf(userPoolId);
        boolean clientCredentials = false;
        for (JsonNode flow : request.path("AllowedOAuthFlows")) {
            clientCredentials |= "client_credentials".equals(flow.asText());
        }
        for (JsonNode scope : scopes) {
            String name = scope.asText();
            if (!STANDARD.contains(name) && !custom.contains(name)) {
                throw new ServiceException("ScopeDoesNotExistException", "Invalid scope requested: " + name);
            }
            if (clientCredentials && STANDARD.contains(name)) {
                throw new ServiceException("InvalidOAuthFlowException", "client_credentials flow can only be used "
                        + "with custom scopes; " + name + " is a standard scope.");
            }
        }
    }
}
