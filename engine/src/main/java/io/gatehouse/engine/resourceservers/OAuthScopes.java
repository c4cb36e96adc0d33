package io.gatehouse.engine.resourceservers;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatehouse.engine.error.ServiceException;
import io.gatehouse.engine.userpool.UserPoolClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.LinkedHashSet;
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
     * The scopes a client may be granted now: those of its AllowedOAuthScopes that still exist (a resource server
     * can be deleted or lose scopes after clients were allowed them), none while its OAuth flows are off. Checked at
     * every grant and refresh, so narrowing a client narrows the sign-ins it already has.
     */
    public Set<String> grantable(UserPoolClient client) {
        JsonNode settings = client.settings();
        if (!settings.path("AllowedOAuthFlowsUserPoolClient").asBoolean(false)) {
            return Set.of();
        }
        Set<String> custom = resourceServers.scopesOf(client.userPoolId());
        Set<String> grantable = new LinkedHashSet<>();
        settings.path("AllowedOAuthScopes").forEach(s -> {
            if (STANDARD.contains(s.asText()) || custom.contains(s.asText())) {
                grantable.add(s.asText());
            }
        });
        return grantable;
    }

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
