package io.gatehouse.it.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * The Cognito API as an app's client meets it, over plain HTTP (AWS JSON 1.1), so that every answer is seen as sent:
 * the AWS SDK would retry some of them out of sight. Each answer is judged as a client would take it: a success, an
 * error a client retries (the request never reached a node, the balancer had no node, or the server said it failed
 * inside), or anything else, which during a failure is a wrong answer.
 */
final class CognitoHttp {

    static final ObjectMapper JSON = new ObjectMapper();
    /** Cognito's errors that the AWS SDKs retry; a 5xx of any other type is not what Gatehouse sends. */
    private static final Set<String> RETRYABLE_TYPES = Set.of("InternalErrorException", "ServiceUnavailable");

    enum Verdict { OK, RETRYABLE, WRONG }

    /** An answer: status 0 when no HTTP answer came; {@code kind} names it for the tallies. */
    record Answer(int status, JsonNode body, String kind, long startedAt, long endedAt) {
        Verdict verdict() {
            if (status == 200) {
                return Verdict.OK;
            }
            if (status == 0 || kind.startsWith("balancer")) {
                return Verdict.RETRYABLE;
            }
            return status >= 500 && RETRYABLE_TYPES.contains(type()) ? Verdict.RETRYABLE : Verdict.WRONG;
        }

        String type() {
            return body == null ? "" : body.path("__type").asText("");
        }

        JsonNode result() {
            return body.path("AuthenticationResult");
        }
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    Answer call(URI endpoint, String operation, Map<String, ?> request) {
        long started = System.nanoTime();
        HttpResponse<String> response;
        try {
            response = http.send(HttpRequest.newBuilder(endpoint.resolve("/"))
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/x-amz-json-1.1")
                    .header("X-Amz-Target", "AWSCognitoIdentityProviderService." + operation)
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(request))).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return new Answer(0, null, "connection failure (" + e.getClass().getSimpleName() + ": "
                    + e.getMessage() + ")", started, System.nanoTime());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(0, null, "interrupted", started, System.nanoTime());
        }
        long ended = System.nanoTime();
        String raw = response.body();
        int status = response.statusCode();
        JsonNode body = null;
        boolean json = response.headers().firstValue("Content-Type").orElse("").contains("json");
        if (json) {
            try {
                body = JSON.readTree(raw);
            } catch (IOException e) {
                return new Answer(status, null, status + " unreadable JSON", started, ended);
            }
        }
        String kind;
        if (raw.contains("\tat ") || raw.contains(".java:")) { // a frame of a stack trace; tokens are base64url
            kind = status + " with a stack trace";
        } else if (status == 200) {
            kind = "ok";
        } else if (!json && status >= 502 && status <= 504) {
            kind = "balancer " + status; // HAProxy's own page: no node took the request, or one died under it
        } else if (body != null) {
            // Without the request id an internal error names, so that the tallies count errors by kind.
            kind = status + " " + body.path("__type").asText("?") + ": "
                    + body.path("message").asText("").replaceAll(" ?\\(request id [^)]*\\)", "");
        } else {
            kind = status + " " + raw.substring(0, Math.min(80, raw.length()));
        }
        if (kind.contains("stack trace")) {
            body = null;
        }
        return new Answer(status, body, kind, started, ended);
    }

    Answer signIn(URI endpoint, String clientId, String username, String password) {
        return call(endpoint, "InitiateAuth", Map.of("AuthFlow", "USER_PASSWORD_AUTH", "ClientId", clientId,
                "AuthParameters", Map.of("USERNAME", username, "PASSWORD", password)));
    }

    Answer refresh(URI endpoint, String clientId, String refreshToken) {
        return call(endpoint, "InitiateAuth", Map.of("AuthFlow", "REFRESH_TOKEN_AUTH", "ClientId", clientId,
                "AuthParameters", Map.of("REFRESH_TOKEN", refreshToken)));
    }

    /**
     * A call made again while it fails retryably, as an SDK would (up to {@code seconds}); the last answer.
     */
    Answer withRetries(int seconds, java.util.function.Supplier<Answer> call) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        Answer answer = call.get();
        while (answer.verdict() == Verdict.RETRYABLE && System.nanoTime() < deadline) {
            Thread.sleep(200);
            answer = call.get();
        }
        return answer;
    }
}
