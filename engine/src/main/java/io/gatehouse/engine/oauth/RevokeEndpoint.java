package io.gatehouse.engine.oauth;

import io.gatehouse.engine.error.ServiceException;
import io.gatehouse.engine.users.SignInService;
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
 * {@code POST /oauth2/revoke} (RFC 7009): a client revokes one of its refresh tokens, and with it the access tokens
 * of that sign-in. As RFC 7009 asks, a token that is unknown, expired or another client's is answered 200 like a
 * revoked one, so the endpoint tells nothing about tokens it was not given to revoke.
 */
@RequestScoped
@Path("oauth2/revoke")
public class RevokeEndpoint {

    private static final Logger LOG = Logger.getLogger(RevokeEndpoint.class.getName());

    @Inject
    ClientAuthentication authentication;

    @Inject
    SignInService signIns;

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response revoke(@HeaderParam("Authorization") String authorization, MultivaluedMap<String, String> form) {
        try {
            ClientAuthentication.Authenticated client = authentication.authenticate(authorization,
                    OAuthResponses.single(form, "client_id"), OAuthResponses.single(form, "client_secret"));
            String token = OAuthResponses.single(form, "token");
            if (token == null || token.isEmpty()) {
                throw OAuthException.badRequest("invalid_request", "token is required.");
            }
            try {
                signIns.revoke(client.client(), token);
            } catch (ServiceException e) {
                if ("UnsupportedOperationException".equals(e.type())) {
                    throw OAuthException.badRequest("unsupported_token_type", e.getMessage());
                }
                // Not a refresh token of this client: nothing to revoke, and nothing to say about it.
                LOG.fine(() -> "Revocation of a token that is not one of client " + client.client().clientId()
                        + "'s refresh tokens: " + e.type());
            }
            return OAuthResponses.noStore(Response.ok());
        } catch (OAuthException e) {
            return OAuthResponses.error(e);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "The revocation endpoint failed", e);
            return OAuthResponses.serverError();
        }
    }
}
