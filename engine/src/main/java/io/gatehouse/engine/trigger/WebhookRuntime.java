package io.gatehouse.engine.trigger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.engine.json.Json;
import io.gatehouse.engine.security.Hmac;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Webhook triggers: the event JSON posted to the target's URL, answered with the event and {@code response} filled
 * in, as a Lambda function returns it. Each request is signed so the receiver can tell it came from this server:
 * {@code X-Gatehouse-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>" under the webhook secret>}
 * (the receiver recomputes it, compares in constant time, and refuses a {@code t} more than five minutes off). A
 * {@code 2xx} answer is the function's; a {@code 4xx} answer's body {@code {"errorMessage": "..."}} (or its text) is
 * the function's error, as a Lambda function's thrown error; a connection failure, {@code 429} or {@code 5xx} is
 * tried again while the timeout lasts, three attempts at most, as Cognito retries.
 */
@ApplicationScoped
public class WebhookRuntime implements JsonRuntime {

    static final String SIGNATURE_HEADER = "X-Gatehouse-Signature";
    static final int ATTEMPTS = 3;

    @Inject
    @ConfigProperty(name = "gatehouse.trigger.webhook-secret")
    Optional<String> secret;

    @Inject
    @ConfigProperty(name = "gatehouse.trigger.connect-timeout", defaultValue = "PT2S")
    Duration connectTimeout;

    @Inject
    Clock clock;

    private volatile HttpClient http;

    @Override
    public boolean runs(TriggerTarget target) {
        return target instanceof TriggerTarget.Webhook;
    }

    /** Whether webhooks can be signed: the server has a webhook secret. */
    public boolean configured() {
        return secret.filter(s -> !s.isBlank()).isPresent();
    }

    @Override
    public JsonNode invoke(TriggerTarget target, ObjectNode event, Duration timeout) throws TriggerFailure {
        if (!configured()) {
            throw new TriggerFailure(TriggerFailure.Kind.UNAVAILABLE, "gatehouse.trigger.webhook-secret is not set");
        }
        byte[] body;
        try {
            body = Json.MAPPER.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        TriggerFailure last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            try {
                return answer(send(((TriggerTarget.Webhook) target), body, Duration.ofNanos(left)));
            } catch (Retry retry) {
                last = retry.failure;
            }
        }
        throw last != null ? last : new TriggerFailure(TriggerFailure.Kind.UNAVAILABLE, "TimeoutException");
    }

    private HttpResponse<byte[]> send(TriggerTarget.Webhook target, byte[] body, Duration left) throws Retry,
            TriggerFailure {
        String timestamp = Long.toString(clock.instant().getEpochSecond());
        HttpRequest request = HttpRequest.newBuilder(target.uri()).timeout(left)
                .header("Content-Type", "application/json")
                .header(SIGNATURE_HEADER, "t=" + timestamp + ",v1=" + signature(timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        HttpResponse<byte[]> response;
        try {
            response = client().send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (java.net.http.HttpTimeoutException e) {
            throw new TriggerFailure(TriggerFailure.Kind.UNAVAILABLE, "TimeoutException");
        } catch (IOException e) {
            throw new Retry(new TriggerFailure(TriggerFailure.Kind.UNAVAILABLE, "ConnectException", e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TriggerFailure(TriggerFailure.Kind.UNAVAILABLE, "interrupted");
        }
        if (response.statusCode() == 429 || response.statusCode() >= 500) {
            throw new Retry(new TriggerFailure(TriggerFailure.Kind.UNAVAILABLE, "HTTP " + response.statusCode()));
        }
        return response;
    }

    private static JsonNode answer(HttpResponse<byte[]> response) throws TriggerFailure {
        String text = new String(response.body(), StandardCharsets.UTF_8);
        if (response.statusCode() >= 400) {
            String message = text.isBlank() ? "HTTP " + response.statusCode() : text;
            try {
                JsonNode error = Json.MAPPER.readTree(text);
                if (error != null && error.path("errorMessage").isTextual()) {
                    message = error.path("errorMessage").textValue();
                }
            } catch (IOException e) {
                // A plain-text error: its text is the message.
            }
            throw new TriggerFailure(TriggerFailure.Kind.FUNCTION_ERROR, message.length() > 512
                    ? message.substring(0, 512) : message);
        }
        if (response.statusCode() < 200 || response.statusCode() >= 300) {
            throw TriggerJson.invalid("HTTP " + response.statusCode());
        }
        try {
            JsonNode answer = Json.MAPPER.readTree(text);
            if (answer == null || !answer.isObject()) {
                throw TriggerJson.invalid("the answer is not a JSON object");
            }
            return answer;
        } catch (JsonProcessingException e) {
            throw TriggerJson.invalid("the answer is not JSON");
        }
    }

    /** The signature of a request: hex HMAC-SHA256 of {@code "<timestamp>.<body>"}. */
    String signature(String timestamp, byte[] body) {
        return HexFormat.of().formatHex(Hmac.sha256(secret.orElseThrow().getBytes(StandardCharsets.UTF_8),
                (timestamp + ".").getBytes(StandardCharsets.UTF_8), body));
    }

    private HttpClient client() {
        HttpClient client = http;
        if (client == null) {
            client = HttpClient.newBuilder().connectTimeout(connectTimeout)
                    .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1).build();
            http = client;
        }
        return client;
    }

    /** An attempt worth repeating. */
    private static final class Retry extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient TriggerFailure failure;

        Retry(TriggerFailure failure) {
            super(null, null, false, false);
            this.failure = failure;
        }
    }
}
