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

import java.util.Optional;

/**
 * SAML's endpoints on the hosted UI, at Cognito's paths: {@code /saml2/idpresponse}, the assertion consumer service
 * (HTTP-POST binding only, as Cognito's), and {@code /saml2/logout}, where an IdP answers a sign-out continued there
 * or begins one of its own (HTTP-Redirect or HTTP-POST binding). A message that cannot be matched and checked ends on
 * the error page.
 */
@RequestScoped
@Path("saml2")
public class Saml2Endpoint {

    /** Cognito takes SAML responses of up to 100,000 characters; a form larger than this is not one. */
    static final int MAX_MESSAGE = 100_000;

    @Inject
    PageSupport support;

    @Inject
    FederatedSignIn federated;

    @Context
    UriInfo uri;

    @POST
    @Path("idpresponse")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response response(MultivaluedMap<String, String> form) {
        return support.guard(uri, query -> {
            String response = form.getFirst("SAMLResponse");
            if (response == null || response.isBlank()) {
                return support.error(400, "invalid_request", "The request holds no SAMLResponse.", null);
            }
            if (response.length() > MAX_MESSAGE) {
                return support.error(400, "invalid_request", "The SAMLResponse is too long.", null);
            }
            return federated.completeSaml(form);
        });
    }

    @GET
    @Path("logout")
    public Response redirectedLogout() {
        return support.guard(uri, query -> {
            String rawQuery;
            try {
                rawQuery = uri.getRequestUri().getRawQuery();
            } catch (IllegalArgumentException e) {
                // A query that is not a URI's (%zz, a lone %), which RESTEasy's lenient parameter parsing let
                // through: the request's fault, not a 500 (found by the fuzz pass).
                return support.error(400, "invalid_request", "The request's query is malformed.", null);
            }
            return logout(query, Optional.ofNullable(rawQuery));
        });
    }

    @POST
    @Path("logout")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response postedLogout(MultivaluedMap<String, String> form) {
        return support.guard(uri, query -> {
            MultivaluedMap<String, String> all = new MultivaluedHashMap<>();
            form.forEach((name, values) -> values.forEach(v -> all.add(name, v)));
            return logout(all, Optional.empty());
        });
    }

    private Response logout(MultivaluedMap<String, String> parameters, Optional<String> rawQuery) {
        String response = parameters.getFirst("SAMLResponse");
        String request = parameters.getFirst("SAMLRequest");
        if ((response == null) == (request == null)) {
            return support.error(400, "invalid_request", "A sign-out message holds either a SAMLRequest or a "
                    + "SAMLResponse.", null);
        }
        if ((response != null ? response : request).length() > MAX_MESSAGE) {
            return support.error(400, "invalid_request", "The sign-out message is too long.", null);
        }
        return response != null ? federated.completeSignOut(parameters, rawQuery)
                : federated.signOutRequested(parameters, rawQuery);
    }
}
