package io.gatehouse.engine.hostedui;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * {@code /oauth2/idpresponse}: where external IdPs send the browser back, by redirect (a query) or by posting a form
 * (Sign in with Apple's {@code response_mode=form_post}). The answer is the app's: a code at its redirect URI, or an
 * OAuth error there; a callback that matches no sign-in begun in this browser gets the error page.
 */
@RequestScoped
@Path("oauth2/idpresponse")
public class IdpResponseEndpoint {

    @Inject
    PageSupport support;

    @Inject
    FederatedSignIn federated;

    @Context
    UriInfo uri;

    @GET
    public Response redirected() {
        return support.guard(uri, federated::complete);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response posted(MultivaluedMap<String, String> form) {
        return support.guard(uri, query -> {
            MultivaluedMap<String, String> all = new MultivaluedHashMap<>();
            query.forEach((name, values) -> values.forEach(v -> all.add(name, v)));
            form.forEach((name, values) -> values.forEach(v -> all.add(name, v)));
            return federated.complete(all);
        });
    }
}
