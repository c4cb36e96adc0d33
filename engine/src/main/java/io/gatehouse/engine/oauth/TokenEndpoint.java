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

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code POST /oauth2/token}, Cognito's token endpoint: the {@code authorization_code}, {@code client_credentials}
 * and {@code refresh_token} grants. Clients authenticate with {@code client_secret_basic}
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
            String grantType = OAuthResponses.single(form, "grant_type");
            if (grantType == null) {
                throw OAuthException.badRequest("invalid_request", "grant_type is required.");
            }
            ClientAuthentication.Authenticated client = authentication.authenticate(authorization,
                    OAuthResponses.single(form, "client_id"), OAuthResponses.single(form, "client_secret"));
            ObjectNode tokens = switch (grantType) {
                case "client_credentials" -> grants.clientCredentials(client, OAuthResponses.single(form, "scope"));
                case "authorization_code" -> grants.authorizationCode(client, OAuthResponses.single(form, "code"),
                        OAuthResponses.single(form, "redirect_uri"), OAuthResponses.single(form, "code_verifier"));
                case "refresh_token" -> grants.refreshToken(client, OAuthResponses.single(form, "refresh_token"));
                default -> throw OAuthException.badRequest("unsupported_grant_type",
                        "The token endpoint takes authorization_code, client_credentials and refresh_token.");
            };
            return OAuthResponses.noStore(Response.ok(Json.write(tokens), MediaType.APPLICATION_JSON));
        } catch (OAuthException e) {
            return OAuthResponses.error(e);
        } catch (io.gatehouse.engine.error.ServiceException e) {
            if (!e.type().contains("Lambda")) {
                LOG.log(Level.SEVERE, "The token endpoint failed", e);
                return OAuthResponses.serverError();
            }
            // A pre token generation trigger that refused or failed: the client is told, as Cognito tells it.
            return OAuthResponses.error(OAuthException.badRequest("invalid_request", e.getMessage()));
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "The token endpoint failed", e);
            return OAuthResponses.serverError();
        }
    }
}
