package io.gatehouse.engine.cognito;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.gatehouse.engine.cognito.sigv4.SignedRequest;
import io.gatehouse.engine.error.ServiceException;
import io.gatehouse.engine.error.Throttling;
import io.gatehouse.engine.json.Json;
import io.gatehouse.engine.metrics.GatehouseMetrics;
import io.gatehouse.engine.query.QueryAnswer;
import io.gatehouse.engine.query.QueryProtocol;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code POST /}: the Cognito APIs over AWS JSON 1.1, user pools and identity pools (see {@link CognitoDispatcher}).
 * Answers every call with a request id, and every failure in Cognito's form: an HTTP status (for the user-pool API
 * 400 for client errors, as Cognito sends even where its model says otherwise; for the identity-pool API the status
 * its service gives the error's type), a {@code {"__type", "message"}} body and the {@code x-amzn-ErrorType} header. An unexpected failure
 * is logged with the request id and answered as {@code InternalErrorException}, never with a stack trace.
 *
 * <p>A plain servlet on the context root's exact path (the {@code ""} pattern, which wins over the JAX-RS
 * application's {@code /*}), not a JAX-RS resource: every call is one POST to one path whose operation is in a
 * header, so JAX-RS's matching, per-request resource instance and response building bought nothing, and cost 5% of
 * the server's CPU on a token refresh (a profile of 1,700 refreshes a second, of which the two RS256 signatures are
 * 62%). Browsers call the API from any origin, so the CORS answers are given here too (see {@link CorsFilter} for
 * why that is safe).
 */
@WebServlet(name = "CognitoApi", urlPatterns = "", loadOnStartup = 1)
public class CognitoEndpoint extends HttpServlet {

    static final String CONTENT_TYPE = "application/x-amz-json-1.1";
    private static final String FORM = "application/x-www-form-urlencoded";
    static final int MAX_BODY_BYTES = 1024 * 1024;
    private static final String ALLOWED_METHODS = "POST, OPTIONS";

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(CognitoEndpoint.class.getName());

    @Inject
    transient CognitoDispatcher dispatcher;

    @Inject
    transient QueryProtocol query;

    @Inject
    transient GatehouseMetrics metrics;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String requestId = UUID.randomUUID().toString();
        String contentType = request.getContentType();
        if (contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith(FORM)) {
            answerQuery(request, response, requestId);
            return;
        }
        long started = System.nanoTime();
        String outcome = "ok";
        try {
            byte[] result = Json.MAPPER.writeValueAsBytes(dispatcher.dispatch(SignedRequest.of(request,
                    read(request))));
            answer(response, HttpServletResponse.SC_OK, requestId, null, result);
        } catch (ServiceException e) {
            outcome = e.type();
            answer(response, e.httpStatus(), requestId, e.type(), CognitoErrors.body(e.type(), e.getMessage()));
        } catch (RuntimeException | JsonProcessingException e) {
            Optional<ServiceException> throttled = Throttling.of(e);
            if (throttled.isPresent()) {
                // Expected under a flood, and one line per refused call would flood the log too.
                LOG.fine(() -> "Request " + requestId + " throttled: " + e.getMessage());
                ServiceException t = throttled.get();
                outcome = t.type();
                answer(response, t.httpStatus(), requestId, t.type(), CognitoErrors.body(t.type(), t.getMessage()));
                return;
            }
            outcome = CognitoErrors.INTERNAL;
            LOG.log(Level.SEVERE, "Request " + requestId + " failed", e);
            answer(response, HttpServletResponse.SC_INTERNAL_SERVER_ERROR, requestId, CognitoErrors.INTERNAL,
                    CognitoErrors.body(CognitoErrors.INTERNAL, "An internal error occurred (request id "
                            + requestId + ")."));
        } finally {
            CognitoDispatcher.CallLabel label = dispatcher.label(request.getHeader("X-Amz-Target"));
            metrics.cognitoRequest(label.service(), label.operation(), outcome, System.nanoTime() - started);
        }
    }

    /**
     * A form-encoded POST is the Query protocol (AWS SDKs' STS and IAM clients pointed at this server), answered in
     * its own XML form.
     */
    private void answerQuery(HttpServletRequest request, HttpServletResponse response, String requestId)
            throws IOException {
        QueryAnswer answer;
        try {
            answer = query.handle(SignedRequest.of(request, read(request)), requestId);
        } catch (ServiceException e) {
            answer = QueryProtocol.error(QueryProtocol.STS_NAMESPACE, 400, "InvalidRequest", e.getMessage(),
                    requestId);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Request " + requestId + " failed", e);
            answer = QueryProtocol.error(QueryProtocol.STS_NAMESPACE, 500, "InternalFailure",
                    "An internal error occurred (request id " + requestId + ").", requestId);
        }
        byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
        response.setStatus(answer.status());
        response.setHeader("x-amzn-RequestId", requestId);
        response.setContentType("text/xml");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** A browser's preflight for a call from another origin, or a plain OPTIONS: which methods the API takes. */
    @Override
    protected void doOptions(HttpServletRequest request, HttpServletResponse response) {
        if (request.getHeader("Access-Control-Request-Method") == null) {
            response.setHeader("Allow", ALLOWED_METHODS);
            return;
        }
        CorsFilter.preflight(request.getHeader("Access-Control-Request-Headers")).forEach(response::setHeader);
    }

    /**
     * Every answer to another origin carries the CORS headers. GET, PUT, DELETE...: the API takes POST only, and
     * says so in its own form rather than with a servlet error page.
     */
    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        if (request.getHeader("Origin") != null) {
            CorsFilter.actualResponse().forEach(response::setHeader);
        }
        String method = request.getMethod();
        if (method.equals("POST") || method.equals("OPTIONS")) {
            super.service(request, response);
            return;
        }
        response.setHeader("Allow", ALLOWED_METHODS);
        String type = "UnknownOperationException";
        answer(response, HttpServletResponse.SC_METHOD_NOT_ALLOWED, UUID.randomUUID().toString(), type,
                method.equals("HEAD") ? null : CognitoErrors.body(type, "The user-pool API takes POST requests."));
    }

    /**
     * Sends an answer: its status, request id, error type (null for a success) and body (null for none, as HEAD
     * takes), with its length, so the connection stays open without chunking.
     */
    private static void answer(HttpServletResponse response, int status, String requestId, String errorType,
                               byte[] body) throws IOException {
        response.setStatus(status);
        response.setHeader("x-amzn-RequestId", requestId);
        if (errorType != null) {
            response.setHeader("x-amzn-ErrorType", errorType);
        }
        response.setContentType(CONTENT_TYPE);
        if (body != null) {
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
        }
    }

    /**
     * The body, refused past {@link #MAX_BODY_BYTES} before it is all in memory: no Cognito request comes near
     * that size (the largest carry message templates of 20,000 characters).
     */
    private static byte[] read(HttpServletRequest request) {
        if (request.getContentLengthLong() > MAX_BODY_BYTES) {
            throw tooLarge();
        }
        try (InputStream in = request.getInputStream()) {
            byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
            if (bytes.length > MAX_BODY_BYTES) {
                throw tooLarge();
            }
            return bytes;
        } catch (IOException e) {
            throw ServiceException.serialization("The request body could not be read.");
        }
    }

    private static ServiceException tooLarge() {
        return ServiceException.serialization("The request body is larger than " + MAX_BODY_BYTES + " bytes.");
    }
}
