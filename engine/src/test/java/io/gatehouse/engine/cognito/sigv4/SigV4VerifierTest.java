package io.gatehouse.engine.cognito.sigv4;

import io.gatehouse.engine.error.ServiceException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Our verifier against requests signed by the AWS SDK's own SigV4 signer. */
class SigV4VerifierTest {

    private static final String KEY = "AKIDEXAMPLE";
    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private static final String BODY = "{\"PoolName\":\"p\"}";

    private final SigV4Verifier verifier = new SigV4Verifier("us-east-1", "cognito-idp");

    @Test
    void verifyWhenSignedBySdkThenReturnsAccessKeyId() {
        SignedRequest request = sdkSigned(KEY, SECRET, NOW, "us-east-1", "cognito-idp", "/", null, BODY);

        assertThat(verifier.verify(request, NOW, this::secrets)).isEqualTo(KEY);
    }

    @Test
    void verifyWhenQueryAndEncodedPathThenStillMatchesSdk() {
        SignedRequest request = sdkSigned(KEY, SECRET, NOW, "us-east-1", "cognito-idp", "/a%20b/c",
                "z=1&a=x%2Fy&a=b", BODY);

        assertThat(verifier.verify(request, NOW, this::secrets)).isEqualTo(KEY);
    }

    @Test
    void verifyWhenBodyChangedThenInvalidSignature() {
        SignedRequest signed = sdkSigned(KEY, SECRET, NOW, "us-east-1", "cognito-idp", "/", null, BODY);
        SignedRequest tampered = new SignedRequest(signed.method(), signed.rawPath(), signed.rawQuery(),
                signed.headers(), "{\"PoolName\":\"q\"}".getBytes(StandardCharsets.UTF_8));

        assertType(() -> verifier.verify(tampered, NOW, this::secrets), "InvalidSignatureException");
    }

    @Test
    void verifyWhenAuthorizationOrDateRepeatedThenIncompleteSignature() {
        SignedRequest signed = sdkSigned(KEY, SECRET, NOW, "us-east-1", "cognito-idp", "/", null, BODY);
        for (String name : List.of("authorization", "x-amz-date")) {
            Map<String, List<String>> headers = new HashMap<>(signed.headers());
            List<String> repeated = new ArrayList<>(headers.get(name));
            repeated.add(repeated.get(0));
            headers.put(name, repeated);
            SignedRequest twice = new SignedRequest(signed.method(), signed.rawPath(), signed.rawQuery(), headers,
                    BODY.getBytes(StandardCharsets.UTF_8));

            assertType(() -> verifier.verify(twice, NOW, this::secrets), "IncompleteSignatureException");
        }
    }

    @Test
    void verifyWhenWrongSecretThenInvalidSignature() {
        SignedRequest request = sdkSigned(KEY, "another-secret", NOW, "us-east-1", "cognito-idp", "/", null, BODY);

        assertType(() -> verifier.verify(request, NOW, this::secrets), "InvalidSignatureException");
    }

    @Test
    void verifyWhenUnknownKeyThenUnrecognizedClient() {
        SignedRequest request = sdkSigned("AKIDOTHER", SECRET, NOW, "us-east-1", "cognito-idp", "/", null, BODY);

        assertType(() -> verifier.verify(request, NOW, this::secrets), "UnrecognizedClientException");
    }

    @Test
    void verifyWhenSignedSixMinutesEarlierThenSignatureExpired() {
        SignedRequest request = sdkSigned(KEY, SECRET, NOW.minus(Duration.ofMinutes(6)), "us-east-1", "cognito-idp",
                "/", null, BODY);

        assertThatThrownBy(() -> verifier.verify(request, NOW, this::secrets))
                .isInstanceOf(ServiceException.class)
                .hasMessageStartingWith("Signature expired: 20261122T095400Z is now earlier than 20261122T095500Z");
    }

    @Test
    void verifyWhenSignedSixMinutesLaterThenNotYetCurrent() {
        SignedRequest request = sdkSigned(KEY, SECRET, NOW.plus(Duration.ofMinutes(6)), "us-east-1", "cognito-idp",
                "/", null, BODY);

        assertThatThrownBy(() -> verifier.verify(request, NOW, this::secrets))
                .hasMessageStartingWith("Signature not yet current");
    }

    @Test
    void verifyWhenOtherRegionOrServiceThenInvalidSignature() {
        SignedRequest otherRegion = sdkSigned(KEY, SECRET, NOW, "eu-west-1", "cognito-idp", "/", null, BODY);
        SignedRequest otherService = sdkSigned(KEY, SECRET, NOW, "us-east-1", "s3", "/", null, BODY);

        assertThatThrownBy(() -> verifier.verify(otherRegion, NOW, this::secrets)).hasMessageContaining("region");
        assertThatThrownBy(() -> verifier.verify(otherService, NOW, this::secrets)).hasMessageContaining("service");
    }

    @Test
    void verifyWhenIdentityServiceThenItsSigningNameOnly() {
        SigV4Verifier identity = new SigV4Verifier("us-east-1", "cognito-identity");

        assertThat(identity.verify(sdkSigned(KEY, SECRET, NOW, "us-east-1", "cognito-identity", "/", null, BODY), NOW,
                this::secrets)).isEqualTo(KEY);
        assertThatThrownBy(() -> identity.verify(sdkSigned(KEY, SECRET, NOW, "us-east-1", "cognito-idp", "/", null,
                BODY), NOW, this::secrets)).hasMessageContaining("'cognito-identity'");
    }

    @Test
    void verifyWhenNoAuthorizationThenMissingAuthenticationToken() {
        SignedRequest request = new SignedRequest("POST", "/", null, Map.of("Host", List.of("localhost")),
                new byte[0]);

        assertType(() -> verifier.verify(request, NOW, this::secrets), "MissingAuthenticationTokenException");
    }

    @Test
    void verifyWhenAuthorizationIncompleteThenIncompleteSignature() {
        for (String header : List.of("Bearer abc",
                "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261122/us-east-1/cognito-idp/aws4_request",
                "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE, SignedHeaders=host, Signature=" + "0".repeat(64))) {
            SignedRequest request = new SignedRequest("POST", "/", null, Map.of("Authorization", List.of(header),
                    "X-Amz-Date", List.of("20261122T100000Z")), new byte[0]);
            assertType(() -> verifier.verify(request, NOW, this::secrets), "IncompleteSignatureException");
        }
    }

    @Test
    void incompleteMessageWhenSignaturePresentThenNeverEchoesIt() {
        String header = "AWS4-HMAC-SHA256 SignedHeaders=host, Signature=" + "a".repeat(64);
        SignedRequest request = new SignedRequest("POST", "/", null, Map.of("Authorization", List.of(header),
                "X-Amz-Date", List.of("20261122T100000Z")), new byte[0]);

        assertThatThrownBy(() -> verifier.verify(request, NOW, this::secrets))
                .hasMessageNotContaining("a".repeat(64)).hasMessageContaining("Signature=****");
    }

    private Optional<String> secrets(String keyId) {
        return KEY.equals(keyId) ? Optional.of(SECRET) : Optional.empty();
    }

    private static void assertType(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String type) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ServiceException.class,
                e -> assertThat(e.type()).isEqualTo(type));
    }

    /** A request as the AWS SDK signs it, turned into what our endpoint sees. */
    private static SignedRequest sdkSigned(String key, String secret, Instant at, String region, String service,
                                           String path, String query, String body) {
        SdkHttpRequest request = SdkHttpRequest.builder()
                .method(SdkHttpMethod.POST)
                .uri(URI.create("http://localhost:9080" + path + (query == null ? "" : "?" + query)))
                .putHeader("Content-Type", "application/x-amz-json-1.1")
                .putHeader("X-Amz-Target", "AWSCognitoIdentityProviderService.CreateUserPool")
                .build();
        SdkHttpRequest signed = AwsV4HttpSigner.create().sign(r -> r
                .identity(AwsCredentialsIdentity.create(key, secret))
                .request(request)
                .payload(ContentStreamProvider.fromUtf8String(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
                .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                .putProperty(HttpSigner.SIGNING_CLOCK, Clock.fixed(at, ZoneOffset.UTC))).request();
        Map<String, List<String>> headers = new HashMap<>();
        signed.headers().forEach((name, values) -> headers.put(name, new ArrayList<>(values)));
        headers.putIfAbsent("Host", List.of("localhost:9080"));
        return new SignedRequest("POST", signed.encodedPath(), signed.encodedQueryParameters().orElse(null), headers,
                body.getBytes(StandardCharsets.UTF_8));
    }
}
