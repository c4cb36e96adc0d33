package io.gatehouse.engine.cognito;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.gatehouse.engine.json.Json;
import jakarta.ws.rs.core.Response;

import java.io.UncheckedIOException;

/** Cognito's form of a failure: a {@code {"__type", "message"}} body, for the API and the administrative endpoints. */
public final class CognitoErrors {

    /** The type of a failure that is the server's, not the caller's. */
    public static final String INTERNAL = "InternalErrorException";

    private CognitoErrors() {
    }

    /** The error body, as bytes of JSON. */
    static byte[] body(String type, String message) {
        try {
            return Json.MAPPER.writeValueAsBytes(Json.MAPPER.createObjectNode().put("__type", type)
                    .put("message", message));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A failure of one of Gatehouse's own JAX-RS administrative endpoints, in the API's form. */
    public static Response response(String requestId, int status, String type, String message) {
        return Response.status(status).type(CognitoEndpoint.CONTENT_TYPE).entity(body(type, message))
                .header("x-amzn-RequestId", requestId)
                .header("x-amzn-ErrorType", type)
                .build();
    }
}
