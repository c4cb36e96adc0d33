package io.gatehouse.engine.oauth;

import io.gatehouse.engine.json.Json;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import java.util.List;

/** What the OAuth 2.0 endpoints share: reading their forms, and answering never-cached JSON and RFC 6749 errors. */
final class OAuthResponses {

    private OAuthResponses() {
    }

    /** A form parameter sent at most once (RFC 6749 section 3.2: repeated parameters are an error). */
    static String single(MultivaluedMap<String, String> form, String name) {
        List<String> values = form.get(name);
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            throw OAuthException.badRequest("invalid_request", name + " is repeated.");
        }
        return values.get(0);
    }

    /** {@code {"error", "error_description"}} with the error's status; a Basic challenge with a 401. */
    static Response error(OAuthException e) {
        Response.ResponseBuilder response = Response.status(e.status()).type(MediaType.APPLICATION_JSON)
                .entity(Json.write(Json.MAPPER.createObjectNode().put("error", e.error())
                        .put("error_description", e.getMessage())));
        if (e.status() == 401) {
            response.header("WWW-Authenticate", "Basic realm=\"gatehouse\"");
        }
        if (e.retryAfterSeconds() > 0) {
            response.header("Retry-After", Long.toString(e.retryAfterSeconds()));
        }
        return noStore(response);
    }

    /** {@code server_error}, for what should not happen; the cause is logged by the caller, never sent. */
    static Response serverError() {
        return noStore(Response.serverError().type(MediaType.APPLICATION_JSON)
                .entity(Json.write(Json.MAPPER.createObjectNode().put("error", "server_error"))));
    }

    static Response noStore(Response.ResponseBuilder response) {
        return response.header("Cache-Control", "no-store").header("Pragma", "no-cache").build();
    }
}
