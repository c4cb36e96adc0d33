package io.gatehouse.engine.oauth;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.engine.json.Json;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code POST /oauth2/token}, Cognito's token endpoint: the {@code client_credentials} and {@code refresh_token}
 * grants (the authorization code comes with the hosted UI). Clients authenticate with {@code client_secret_basic}
 * or {@code client_secret_post}. Answers are never cached; errors are RFC 6749's JSON.
 */
@RequestScoped
@Path("oauth2/token")
public class TokenEndpoint {

    private static final Logger LOG = Logger.getLogger(TokenEndpoint.class.getName());

    @Inject
    ClientAuthentication authentication;

    @Inject
    TokenGrants grants;

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response token(@HeaderParam("Authorization") String authorization, MultivaluedMap<String, String> form) {
        try {
            String grantType = single(form, "grant_type");
            if (grantType == null) {
                throw OAuthException.badRequest("invalid_request", "grant_type is required.");
            }
            ClientAuthentication.Authenticated client = authentication.authenticate(authorization,
                    single(form, "client_id"), single(form, "client_secret"));
            ObjectNode tokens = switch (grantType) {
                case "client_credentials" -> grants.clientCredentials(client, single(form, "scope"));
                case "refresh_token" -> grants.refreshToken(client, single(form, "refresh_token"));
                default -> throw OAuthException.badRequest("unsupported_grant_type",
                        "Gatehouse's token endpoint takes client_credentials and refresh_token.");
            };
            return noStore(Response.ok(Json.write(tokens), MediaType.APPLICATION_JSON));
        } catch (OAuthException e) {
            Response.ResponseBuilder response = Response.status(e.status()).type(MediaType.APPLICATION_JSON)
                    .entity(Json.write(Json.MAPPER.createObjectNode().put("error", e.error())
                            .put("error_description", e.getMessage())));
            if (e.status() == 401) {
                response.header("WWW-Authenticate", "Basic realm=\"gatehouse\"");
            }
            return noStore(response);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "The token endpoint failed", e);
            return noStore(Response.serverError().type(MediaType.APPLICATION_JSON)
                    .entity(Json.write(Json.MAPPER.createObjectNode().put("error", "server_error"))));
        }
    }

    /** A form parameter sent at most once (RFC 6749 section 3.2: repeated parameters are an error). */
    private static String single(MultivaluedMap<String, String> form, String name) {
        List<String> values = form.get(name);
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            throw OAuthException.badRequest("invalid_request", name + " is repeated.");
        }
        return values.get(0);
    }

    private static Response noStore(Response.ResponseBuilder response) {
        return response.header("Cache-Control", "no-store").header("Pragma", "no-cache").build();
    }
}
