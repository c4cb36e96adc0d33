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

/**
 * A request that cannot be read as sent (see {@link MalformedRequestException}), answered in the form of the
 * endpoint it was sent to: RFC 6749's
 * {@code invalid_request} from the OAuth endpoints ({@code /oauth2/...}), the error page from the hosted UI's.
 */
@Provider
@ApplicationScoped
public class MalformedRequestMapper implements ExceptionMapper<MalformedRequestException> {

    @Inject
    Browser browser;

    @Inject
    Pages pages;

    @Context
    UriInfo uri;

    @Override
    public Response toResponse(MalformedRequestException exception) {
        if (uri.getPath().replaceFirst("^/", "").startsWith("oauth2/")) {
            return OAuthResponses.error(OAuthException.badRequest("invalid_request", exception.getMessage()));
        }
        return ErrorPage.render(browser, pages, 400, "invalid_request", exception.getMessage(), null);
    }
}
