package io.gatehouse.engine.hostedui;

import io.gatehouse.engine.oauth.AuthorizationException;
import io.gatehouse.engine.oauth.AuthorizationRequest;
import io.gatehouse.engine.oauth.RedirectParameters;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.net.URI;
import java.util.Optional;

/**
 * {@code GET /oauth2/authorize}: a browser signed in to the pool goes straight back to the client with a code (or
 * tokens); a request that names an external IdP goes to it; any other goes to the sign-in page, which carries the
 * request; {@code prompt=none} never shows a page.
 */
@RequestScoped
@Path("oauth2/authorize")
public class AuthorizeEndpoint {

    @Inject
    PageSupport support;

    @Inject
    FederatedSignIn federated;

    @Context
    UriInfo uri;

    @GET
    public Response authorize() {
        return support.guard(uri, query -> {
            AuthorizationRequest request = support.request(query);
            Optional<SignInFlow.SignedIn> signedIn = support.flow().current(support.browser(), request);
            if (signedIn.isPresent() && !request.forceLogin()) {
                return support.flow().finish(support.browser(), request, signedIn.get());
            }
            if (request.identityProvider().isPresent() && !request.noPrompt()) {
                return federated.begin(request);
            }
            if (request.noPrompt()) {
                AuthorizationException e = support.toClient(request, "login_required", "The user is not signed in.");
                return support.browser().redirect(e.location(), null);
            }
            return support.browser().redirect(URI.create("/login?" + RedirectParameters.encode(request.parameters())),
                    null);
        });
    }
}
