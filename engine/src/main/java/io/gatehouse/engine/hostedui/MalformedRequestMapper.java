package io.gatehouse.engine.hostedui;

import io.gatehouse.engine.error.MalformedRequestException;
import io.gatehouse.engine.oauth.OAuthException;
import io.gatehouse.engine.oauth.OAuthResponses;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.Set;

/**
 * A request that cannot be read as sent (see {@link MalformedRequestException}), answered in the form of the
 * endpoint it was sent to: RFC 6749's {@code invalid_request} from the endpoints clients call directly (token,
 * revocation, userInfo), the error page from those a browser is sent to (the authorization endpoint and the hosted
 * UI's pages).
 */
@Provider
@ApplicationScoped
public class MalformedRequestMapper implements ExceptionMapper<MalformedRequestException> {

    /** The endpoints clients call without a browser; /oauth2/authorize and /oauth2/idpresponse are pages. */
    private static final Set<String> MACHINE_ENDPOINTS = Set.of("oauth2/token", "oauth2/revoke", "oauth2/userInfo");

    @Inject
    Browser browser;

    @Inject
    Pages pages;

    @Context
    UriInfo uri;

    @Override
    public Response toResponse(MalformedRequestException exception) {
        if (MACHINE_ENDPOINTS.contains(uri.getPath().replaceFirst("^/", ""))) {
            return OAuthResponses.error(OAuthException.badRequest("invalid_request", exception.getMessage()));
        }
        return ErrorPage.render(browser, pages, 400, "invalid_request", exception.getMessage(), null);
    }
}
