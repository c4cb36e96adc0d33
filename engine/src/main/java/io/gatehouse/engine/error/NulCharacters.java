package io.gatehouse.engine.error;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;

import java.util.List;
import java.util.Map;

/**
 * Refuses a request to a JAX-RS endpoint whose path or query parameters, headers or cookies hold U+0000 (sent as
 * {@code %00}): PostgreSQL's text cannot hold the character, so looking up a client id such as {@code abc%00} failed
 * in the driver with a 500 (found by the fuzz pass on /oauth2/authorize, /oauth2/revoke and the hosted UI's pages).
 * No identifier, token or name the endpoints read has a use for it. Form bodies are checked as they are read
 * ({@link MalformedForms}).
 */
@Provider
public class NulCharacters implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        MultivaluedMap<String, String> query;
        try {
            query = request.getUriInfo().getQueryParameters();
        } catch (IllegalArgumentException e) {
            // Broken percent-encoding: the pages answer that themselves (PageSupport.guard).
            return;
        }
        if (holdsNul(query) || holdsNul(request.getUriInfo().getPathParameters())) {
            throw MalformedRequestException.nul("query or path");
        }
        if (holdsNul(request.getHeaders())) {
            throw MalformedRequestException.nul("headers");
        }
        for (Cookie cookie : request.getCookies().values()) {
            if (holdsNul(cookie.getName()) || holdsNul(cookie.getValue())) {
                throw MalformedRequestException.nul("cookies");
            }
        }
    }

    static boolean holdsNul(String text) {
        return text != null && text.indexOf('\u0000') >= 0;
    }

    private static boolean holdsNul(MultivaluedMap<String, String> parameters) {
        for (Map.Entry<String, List<String>> entry : parameters.entrySet()) {
            if (holdsNul(entry.getKey()) || entry.getValue().stream().anyMatch(NulCharacters::holdsNul)) {
                return true;
            }
        }
        return false;
    }
}
