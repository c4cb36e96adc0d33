package io.gatehouse.it.cognito;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatehouse.it.Gatehouse;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CognitoIdentityProviderException;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The AWS JSON 1.1 edge: dispatch, SigV4, error form and CORS, seen from the wire. */
class CognitoWireIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void callWhenTargetUnknownThenUnknownOperationInCognitoForm() throws Exception {
        HttpResponse<String> response = RawCall.unsigned(RawCall.target("NoSuchOperation"), "{}", Map.of());

        assertError(response, 400, "UnknownOperationException");
        assertThat(response.headers().firstValue("Content-Type")).hasValue(RawCall.CONTENT_TYPE);
        assertThat(response.headers().firstValue("x-amzn-RequestId")).isPresent();
    }

    @Test
    void callWhenTargetMissingThenUnknownOperation() throws Exception {
        assertError(RawCall.unsigned(null, "{}", Map.of()), 400, "UnknownOperationException");
    }

    @Test
    void managementCallWhenUnsignedThenMissingAuthenticationToken() throws Exception {
        HttpResponse<String> response = RawCall.unsigned(RawCall.target("CreateUserPool"), "{\"PoolName\":\"p\"}",
                Map.of());

        assertError(response, 400, "MissingAuthenticationTokenException");
    }

    @Test
    void managementCallWhenWrongSecretThenInvalidSignature() {
        try (CognitoIdentityProviderClient wrong = Gatehouse.client(Gatehouse.ADMIN_KEY, "not-the-secret")) {
            assertThatThrownBy(() -> wrong.listUserPools(r -> r.maxResults(1)))
                    .isInstanceOfSatisfying(CognitoIdentityProviderException.class, e -> {
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidSignatureException");
                        assertThat(e.statusCode()).isEqualTo(400);
                    });
        }
    }

    @Test
    void managementCallWhenUnknownKeyThenUnrecognizedClient() {
        try (CognitoIdentityProviderClient stranger = Gatehouse.client("AKIDUNKNOWN000000000", "whatever")) {
            assertThatThrownBy(() -> stranger.listUserPools(r -> r.maxResults(1)))
                    .isInstanceOfSatisfying(CognitoIdentityProviderException.class, e ->
                            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("UnrecognizedClientException"));
        }
    }

    @Test
    void managementCallWhenSignedTenMinutesAgoThenSignatureExpired() throws Exception {
        Clock stale = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-10));
        String body = "{\"MaxResults\":1}";

        HttpResponse<String> response = RawCall.signed(RawCall.target("ListUserPools"), body, body,
                Gatehouse.ADMIN_KEY, Gatehouse.ADMIN_SECRET, stale);

        JsonNode error = assertError(response, 400, "InvalidSignatureException");
        assertThat(error.get("message").asText()).startsWith("Signature expired:");
    }

    @Test
    void managementCallWhenSignedFourMinutesAheadThenAccepted() throws Exception {
        Clock ahead = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(4));
        String body = "{\"MaxResults\":1}";

        HttpResponse<String> response = RawCall.signed(RawCall.target("ListUserPools"), body, body,
                Gatehouse.ADMIN_KEY, Gatehouse.ADMIN_SECRET, ahead);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).has("UserPools")).isTrue();
    }

    @Test
    void managementCallWhenBodyChangedAfterSigningThenInvalidSignatureAndNothingWritten() throws Exception {
        String signedBody = "{\"PoolName\":\"signed\"}";
        String sentBody = "{\"PoolName\":\"tampered\"}";

        HttpResponse<String> response = RawCall.signed(RawCall.target("CreateUserPool"), signedBody, sentBody,
                Gatehouse.ADMIN_KEY, Gatehouse.ADMIN_SECRET, Clock.systemUTC());

        assertError(response, 400, "InvalidSignatureException");
    }

    @Test
    void callWhenBodyIsNotJsonThenSerializationException() throws Exception {
        assertError(RawCall.admin(RawCall.target("ListUserPools"), "{\"MaxResults\": 1"), 400,
                "SerializationException");
        assertError(RawCall.admin(RawCall.target("ListUserPools"), "[1, 2]"), 400, "SerializationException");
    }

    @Test
    void callWhenBodyLargerThanOneMebibyteThenRefusedUnread() throws Exception {
        String huge = "{\"PoolName\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}";

        JsonNode error = assertError(RawCall.unsigned(RawCall.target("CreateUserPool"), huge, Map.of()), 400,
                "SerializationException");
        assertThat(error.get("message").asText()).contains("larger than");
    }

    @Test
    void callWhenBodyChunkedPastOneMebibyteThenRefused() throws Exception {
        // No Content-Length: the limit is enforced while reading, not only from the header.
        byte[] huge = ("{\"PoolName\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
        HttpRequest chunked = HttpRequest.newBuilder(Gatehouse.ENDPOINT.resolve("/"))
                .header("Content-Type", RawCall.CONTENT_TYPE)
                .header("X-Amz-Target", RawCall.target("CreateUserPool"))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(huge)))
                .build();

        JsonNode error = assertError(Gatehouse.HTTP.send(chunked, HttpResponse.BodyHandlers.ofString()), 400,
                "SerializationException");
        assertThat(error.get("message").asText()).contains("larger than");
    }

    @Test
    void getWhenSentToTheApiThenMethodNotAllowedInCognitoForm() throws Exception {
        HttpRequest get = HttpRequest.newBuilder(Gatehouse.ENDPOINT.resolve("/")).GET().build();

        HttpResponse<String> response = Gatehouse.HTTP.send(get, HttpResponse.BodyHandlers.ofString());

        assertError(response, 405, "UnknownOperationException");
        assertThat(response.headers().firstValue("Allow")).hasValue("POST, OPTIONS");
        assertThat(response.headers().firstValue("x-amzn-RequestId")).isPresent();
    }

    @Test
    void callWhenMemberHasWrongTypeThenSerializationException() throws Exception {
        assertError(RawCall.admin(RawCall.target("ListUserPools"), "{\"MaxResults\": \"ten\"}"), 400,
                "SerializationException");
    }

    @Test
    void callWhenSeveralConstraintsBrokenThenAllNamedInOneInvalidParameter() throws Exception {
        JsonNode error = assertError(RawCall.admin(RawCall.target("CreateUserPoolClient"),
                "{\"UserPoolId\": \"no underscore\", \"ClientName\": \"\"}"), 400, "InvalidParameterException");

        // The empty name breaks two constraints (length and pattern), and AWS reports each.
        assertThat(error.get("message").asText()).startsWith("3 validation errors detected: ")
                .contains("at 'userPoolId' failed to satisfy constraint: Member must satisfy regular expression")
                .contains("at 'clientName' failed to satisfy constraint: Member must have length greater than")
                .contains("at 'clientName' failed to satisfy constraint: Member must satisfy regular expression");
    }

    @Test
    void callWhenOperationNotImplementedThenUnsupportedOperation() throws Exception {
        assertError(RawCall.admin(RawCall.target("GetLogDeliveryConfiguration"),
                "{\"UserPoolId\":\"us-east-1_abcdefghi\"}"), 400, "UnsupportedOperationException");
    }

    @Test
    void preflightWhenBrowserAsksThenCorsAllowsTheCognitoHeaders() throws Exception {
        HttpRequest preflight = HttpRequest.newBuilder(Gatehouse.ENDPOINT.resolve("/"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://app.example.com")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type,x-amz-target,x-amz-user-agent,cache-control")
                .build();

        HttpResponse<String> response = Gatehouse.HTTP.send(preflight, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
        assertThat(response.headers().firstValue("Access-Control-Allow-Methods").orElse("")).contains("POST");
        assertThat(response.headers().firstValue("Access-Control-Allow-Headers").orElse(""))
                .contains("x-amz-target").contains("x-amz-user-agent").contains("cache-control");
    }

    @Test
    void callWhenFromBrowserThenResponseCarriesCorsHeaders() throws Exception {
        HttpResponse<String> response = RawCall.unsigned(RawCall.target("NoSuchOperation"), "{}",
                Map.of("Origin", "https://app.example.com"));

        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
        assertThat(response.headers().firstValue("Access-Control-Expose-Headers").orElse(""))
                .contains("x-amzn-ErrorType");
    }

    private static JsonNode assertError(HttpResponse<String> response, int status, String type) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("__type").asText()).isEqualTo(type);
        assertThat(body.path("message").asText()).isNotBlank();
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue(type);
        return body;
    }
}
