package io.gatehouse.it.cognito;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatehouse.it.Gatehouse;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Cognito call's signature must cover its X-Amz-Target and Content-Type, as AWS requires: else a captured
 * request (say, a harmless DescribeUserPool) could be replayed within its five minutes as another operation with
 * the same body. Each request here is signed by the AWS SDK's own signer over some headers, and the others are
 * added after signing.
 */
class SignedHeadersIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> SET_BY_HTTP_CLIENT = Set.of("host", "content-length");
    private static final String BODY = "{\"MaxResults\":1}";

    @Test
    void callWhenTargetNotSignedThenInvalidSignature() throws Exception {
        HttpResponse<String> response = send(Map.of("Content-Type", RawCall.CONTENT_TYPE),
                Map.of("X-Amz-Target", RawCall.target("ListUserPools")));

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode error = JSON.readTree(response.body());
        assertThat(error.path("__type").asText()).isEqualTo("InvalidSignatureException");
        assertThat(error.path("message").asText()).contains("X-Amz-Target");
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue("InvalidSignatureException");
    }

    @Test
    void callWhenContentTypeNotSignedThenInvalidSignature() throws Exception {
        HttpResponse<String> response = send(Map.of("X-Amz-Target", RawCall.target("ListUserPools")),
                Map.of("Content-Type", RawCall.CONTENT_TYPE));

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode error = JSON.readTree(response.body());
        assertThat(error.path("__type").asText()).isEqualTo("InvalidSignatureException");
        assertThat(error.path("message").asText()).contains("Content-Type");
    }

    @Test
    void callWhenTargetAndContentTypeSignedThenAnswered() throws Exception {
        HttpResponse<String> response = send(Map.of("Content-Type", RawCall.CONTENT_TYPE,
                "X-Amz-Target", RawCall.target("ListUserPools")), Map.of());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).has("UserPools")).isTrue();
    }

    /** Signs a POST of {@link #BODY} over {@code signedHeaders} (and host and date), then adds {@code unsigned}. */
    private static HttpResponse<String> send(Map<String, String> signedHeaders, Map<String, String> unsigned)
            throws Exception {
        SdkHttpRequest.Builder unsignedRequest = SdkHttpRequest.builder().method(SdkHttpMethod.POST)
                .uri(Gatehouse.ENDPOINT.resolve("/"));
        signedHeaders.forEach(unsignedRequest::putHeader);
        SignedRequest signed = AwsV4HttpSigner.create().sign(r -> r
                .identity(AwsCredentialsIdentity.create(Gatehouse.ADMIN_KEY, Gatehouse.ADMIN_SECRET))
                .request(unsignedRequest.build())
                .payload(ContentStreamProvider.fromUtf8String(BODY))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "cognito-idp")
                .putProperty(AwsV4HttpSigner.REGION_NAME, Gatehouse.REGION.id()));
        HttpRequest.Builder request = HttpRequest.newBuilder(Gatehouse.ENDPOINT.resolve("/"))
                .POST(HttpRequest.BodyPublishers.ofString(BODY));
        signed.request().headers().forEach((name, values) -> {
            if (!SET_BY_HTTP_CLIENT.contains(name.toLowerCase())) {
                values.forEach(v -> request.header(name, v));
            }
        });
        unsigned.forEach(request::header);
        return Gatehouse.HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
