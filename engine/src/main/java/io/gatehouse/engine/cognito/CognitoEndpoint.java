package io.gatehouse.engine.cognito;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.engine.cognito.sigv4.SignedRequest;
import io.gatehouse.engine.error.ServiceException;
import io.gatehouse.engine.json.Json;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;

import java.io.IOException;
import java.io.InputStream;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code POST /}: the Cognito user-pool API over AWS JSON 1.1. Answers every call with a request id, and every
 * failure in Cognito's form: an HTTP status (400 for client errors, as Cognito sends even where its model says
 * otherwise), a {@code {"__type", "message"}} body and the {@code x-amzn-ErrorType} header. An unexpected failure
 * is logged with the request id and answered as {@code InternalErrorException}, never with a stack trace.
 */
@Path("/")
public class CognitoEndpoint {

    static final String CONTENT_TYPE = "application/x-amz-json-1.1";
    static final int MAX_BODY_BYTES = 1024 * 1024;

    private static final Logger LOG = Logger.getLogger(CognitoEndpoint.class.getName());

    @Inject
    CognitoDispatcher dispatcher;

    @Context
    HttpServletRequest http;

    @POST
    public Response call(InputStream body) {
        String requestId = UUID.randomUUID().toString();
        try {
            ObjectNode result = dispatcher.dispatch(SignedRequest.of(http, read(body)));
            return Response.ok(Json.write(result), CONTENT_TYPE).header("x-amzn-RequestId", requestId).build();
        } catch (ServiceException e) {
            return error(requestId, e.httpStatus(), e.type(), e.getMessage());
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Request " + requestId + " failed", e);
            return error(requestId, 500, "InternalErrorException", "An internal error occurred (request id "
                    + requestId + ").");
        }
    }

    /**
     * The body, refused past {@link #MAX_BODY_BYTES} before it is all in memory: no Cognito request comes near
     * that size (the largest carry message templates of 20,000 characters).
     */
    private static byte[] read(InputStream body) {
        if (body == null) {
            return new byte[0];
        }
        try {
            byte[] bytes = body.readNBytes(MAX_BODY_BYTES + 1);
            if (bytes.length > MAX_BODY_BYTES) {
                throw ServiceException.serialization("The request body is larger than " + MAX_BODY_BYTES
                        + " bytes.");
            }
            return bytes;
        } catch (IOException e) {
            throw ServiceException.serialization("The request body could not be read.");
        }
    }

    /** A failure in Cognito's form, also for Gatehouse's own administrative endpoints. */
    public static Response error(String requestId, int status, String type, String message) {
        ObjectNode body = Json.MAPPER.createObjectNode().put("__type", type).put("message", message);
        return Response.status(status).type(CONTENT_TYPE).entity(Json.write(body))
                .header("x-amzn-RequestId", requestId)
                .header("x-amzn-ErrorType", type)
                .build();
    }
}
