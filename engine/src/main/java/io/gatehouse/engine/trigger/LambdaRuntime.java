package io.gatehouse.engine.trigger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.engine.json.Json;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeRequest;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * AWS Lambda triggers ({@code arn:aws:lambda:...}): Lambda's Invoke API, {@code RequestResponse}, with the event JSON
 * as the payload, through the AWS SDK's Lambda client (SigV4 signed, service {@code lambda}). The answer is the
 * function's payload; a response with {@code X-Amz-Function-Error} is the function's error, its payload's
 * {@code errorMessage} the message. Throttling, {@code 5xx} answers and connection failures are tried again while
 * the trigger timeout lasts, three attempts at most, as Cognito retries; what is still failing then, or is refused
 * by Lambda itself (an unknown function, a refused signature), is an unavailable trigger.
 *
 * <p>Configuration: {@code gatehouse.trigger.lambda.endpoint} sends every call to another service that speaks the
 * Invoke API (a local emulator; by default AWS's endpoint of the region); {@code gatehouse.trigger.lambda.region}
 * signs and routes every call for that region (by default the ARN's);
 * {@code gatehouse.trigger.lambda.access-key-id} and {@code gatehouse.trigger.lambda.secret-access-key} are the
 * credentials (by default the SDK's chain: {@code AWS_ACCESS_KEY_ID}, the profile file, the container's or
 * instance's role).
 */
@ApplicationScoped
public class LambdaRuntime implements JsonRuntime {

    static final int ATTEMPTS = 3;
    private static final int MESSAGE_LIMIT = 512;

    @Inject
    @ConfigProperty(name = "gatehouse.trigger.lambda.endpoint")
    Optional<URI> endpoint;

    @Inject
    @ConfigProperty(name = "gatehouse.trigger.lambda.region")
    Optional<String> region;

    @Inject
    @ConfigProperty(name = "gatehouse.trigger.lambda.access-key-id")
    Optional<String> accessKeyId;

    @Inject
    @ConfigProperty(name = "gatehouse.trigger.lambda.secret-access-key")
    Optional<String> secretAccessKey;

    @Inject
    @ConfigProperty(name = "gatehouse.trigger.connect-timeout", defaultValue = "PT2S")
    Duration connectTimeout;

    @Inject
    @ConfigProperty(name = "gatehouse.trigger.timeout", defaultValue = "PT5S")
    Duration triggerTimeout;

    /** One client per region a call is signed for; each keeps its connections. */
    private final Map<String, LambdaClient> clients = new ConcurrentHashMap<>();

    @Override
    public boolean runs(TriggerTarget target) {
        return target instanceof TriggerTarget.LambdaFunction;
    }

    @Override
    public JsonNode invoke(TriggerTarget target, ObjectNode event, Duration timeout) throws TriggerFailure {
        TriggerTarget.LambdaFunction function = (TriggerTarget.LambdaFunction) target;
        byte[] payload;
        try {
            payload = Json.MAPPER.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        InvokeRequest request = InvokeRequest.builder().functionName(function.arn())
                .invocationType(InvocationType.REQUEST_RESPONSE).payload(SdkBytes.fromByteArrayUnsafe(payload))
                .overrideConfiguration(o -> o.apiCallTimeout(timeout)).build();
        InvokeResponse response;
        try {
            response = client(region.filter(r -> !r.isBlank()).orElse(function.region())).invoke(request);
        } catch (ApiCallTimeoutException | ApiCallAttemptTimeoutException | AbortedException e) {
            throw new TriggerFailure(TriggerFailure.Kind.UNAVAILABLE, "TimeoutException");
        } catch (AwsServiceException e) {
            // Lambda's own refusal (no such function, throttled three times, a signature it does not accept).
            throw new TriggerFailure(TriggerFailure.Kind.UNAVAILABLE, e.awsErrorDetails() == null
                    ? "HTTP " + e.statusCode() : e.awsErrorDetails().errorCode(), e);
        } catch (SdkClientException e) {
            throw new TriggerFailure(TriggerFailure.Kind.UNAVAILABLE, timedOut(e) ? "TimeoutException"
                    : "ConnectException", e);
        } catch (SdkException e) {
            throw new TriggerFailure(TriggerFailure.Kind.UNAVAILABLE, e.getClass().getSimpleName(), e);
        }
        return answer(response);
    }

    private static JsonNode answer(InvokeResponse response) throws TriggerFailure {
        String text = response.payload() == null ? "" : response.payload().asString(StandardCharsets.UTF_8);
        if (response.functionError() != null) {
            String message = text.isBlank() ? response.functionError() : text;
            try {
                JsonNode error = Json.MAPPER.readTree(text);
                if (error != null && error.path("errorMessage").isTextual()) {
                    message = error.path("errorMessage").textValue();
                }
            } catch (IOException e) {
                // Not Lambda's error object: its text is the message.
            }
            throw new TriggerFailure(TriggerFailure.Kind.FUNCTION_ERROR, message.length() > MESSAGE_LIMIT
                    ? message.substring(0, MESSAGE_LIMIT) : message);
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

    private static boolean timedOut(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.net.SocketTimeoutException || cause instanceof ApiCallTimeoutException) {
                return true;
            }
        }
        return false;
    }

    private LambdaClient client(String regionId) {
        return clients.computeIfAbsent(regionId, this::newClient);
    }

    private LambdaClient newClient(String regionId) {
        var builder = LambdaClient.builder().region(Region.of(regionId)).credentialsProvider(credentials())
                // The read timeout only backs up the call's own timeout, which the SDK enforces per call.
                .httpClient(UrlConnectionHttpClient.builder().connectionTimeout(connectTimeout)
                        .socketTimeout(triggerTimeout.plusSeconds(1)).build())
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
                        .maxAttempts(ATTEMPTS).build()));
        endpoint.ifPresent(builder::endpointOverride);
        return builder.build();
    }

    private AwsCredentialsProvider credentials() {
        Optional<String> id = accessKeyId.filter(s -> !s.isBlank());
        Optional<String> secret = secretAccessKey.filter(s -> !s.isBlank());
        if (id.isPresent() && secret.isPresent()) {
            return StaticCredentialsProvider.create(AwsBasicCredentials.create(id.get(), secret.get()));
        }
        return DefaultCredentialsProvider.builder().build();
    }

    @PreDestroy
    void stop() {
        clients.values().forEach(LambdaClient::close);
        clients.clear();
    }
}
