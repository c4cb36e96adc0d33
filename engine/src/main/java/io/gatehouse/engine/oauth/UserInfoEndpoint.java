package io.gatehouse.engine.oauth;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.api.userstore.UserRecord;
import io.gatehouse.engine.error.ServiceException;
import io.gatehouse.engine.json.Json;
import io.gatehouse.engine.token.TokenService;
import io.gatehouse.engine.userpool.UserPoolClient;
import io.gatehouse.engine.userpool.UserPoolClients;
import io.gatehouse.engine.users.SignInService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code /oauth2/userInfo} (OpenID Connect Core 5.3): the signed-in user's claims for an access token with the
 * {@code openid} scope, as the scopes allow: {@code email} and {@code phone} their claims, {@code profile} and
 * {@code aws.cognito.signin.user.admin} every attribute the client may read. Errors follow RFC 6750.
 */
@RequestScoped
@Path("oauth2/userInfo")
public class UserInfoEndpoint {

    private static final Logger LOG = Logger.getLogger(UserInfoEndpoint.class.getName());
    private static final Set<String> EMAIL = Set.of("email", "email_verified");
    private static final Set<String> PHONE = Set.of("phone_number", "phone_number_verified");

    @Inject
    SignInService signIns;

    @Inject
    UserPoolClients clients;

    @GET
    public Response get(@HeaderParam("Authorization") String authorization) {
        return userInfo(authorization);
    }

    @POST
    public Response post(@HeaderParam("Authorization") String authorization) {
        return userInfo(authorization);
    }

    private Response userInfo(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return OAuthResponses.noStore(Response.status(401)
                    .header("WWW-Authenticate", "Bearer realm=\"gatehouse\""));
        }
        String token = authorization.substring(7).trim();
        SignInService.Caller caller;
        try {
            caller = signIns.bearer(token);
        } catch (ServiceException e) {
            return bearerError(401, "invalid_token", e.getMessage());
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "The userInfo endpoint failed", e);
            return OAuthResponses.serverError();
        }
        if (!caller.scopes().contains("openid")) {
            return bearerError(403, "insufficient_scope", "The access token does not have the openid scope.");
        }
        return OAuthResponses.noStore(Response.ok(Json.write(claims(caller, Set.copyOf(caller.scopes()))),
                MediaType.APPLICATION_JSON));
    }

    private ObjectNode claims(SignInService.Caller caller, Set<String> scopes) {
        UserRecord user = caller.user();
        ObjectNode claims = Json.MAPPER.createObjectNode().put("sub", user.sub()).put("username", user.username());
        boolean everything = scopes.contains("profile") || scopes.contains(TokenService.USER_ADMIN_SCOPE);
        Optional<Set<String>> readable = readable(caller.clientId());
        for (Map.Entry<String, String> attribute : user.attributes().entrySet()) {
            String name = attribute.getKey();
            boolean asked = everything || scopes.contains("email") && EMAIL.contains(name)
                    || scopes.contains("phone") && PHONE.contains(name);
            if (asked && !"sub".equals(name) && !name.startsWith("dev:")
                    && readable.map(r -> r.contains(name)).orElse(true)) {
                // Cognito's userInfo gives the verification flags as strings, unlike its ID tokens.
                claims.put(name, attribute.getValue());
            }
        }
        return claims;
    }

    private Optional<Set<String>> readable(String clientId) {
        try {
            UserPoolClient client = clients.byClientId(clientId);
            return client.readAttributes();
        } catch (ServiceException e) {
            return Optional.of(Set.of());
        }
    }

    private static Response bearerError(int status, String error, String description) {
        String challenge = "Bearer realm=\"gatehouse\", error=\"" + error + "\", error_description=\""
                + description.replace("\"", "'") + "\"";
        return OAuthResponses.noStore(Response.status(status).type(MediaType.APPLICATION_JSON)
                .header("WWW-Authenticate", challenge)
                .entity(Json.write(Json.MAPPER.createObjectNode().put("error", error)
                        .put("error_description", description))));
    }
}
