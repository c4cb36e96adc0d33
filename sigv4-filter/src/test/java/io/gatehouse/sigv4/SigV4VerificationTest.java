package io.gatehouse.sigv4;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Requests signed by the AWS SDK's own signer with a set of temporary credentials pass; every change to them after
 * signing, and every scope, date and token the filter must not take, is refused with AWS's error type.
 */
class SigV4VerificationTest {

    private static final String KEY_ID = "ASIAEXAMPLEEXAMPLE23";
    private static final String SECRET = "local-sts-secret-of-forty-characters-xyz";
    private static final String TOKEN = "session-token-of-the-credentials";
    private static final String REGION = "eu-west-1";
    private static final String SERVICE = "orders";
    private static final Instant NOW = Instant.parse("2026-12-06T11:00:00Z");
    private static final URI URI_ = URI.create("https://orders.example.com:8443/api/orders/a%20b?b=2&a=x%2Fy&c");
    private static final GatehouseCaller CALLER = new GatehouseCaller("eu-west-1:pool", "eu-west-1:identity",
            "arn:aws:iam::123456789012:role/app-users",
            "arn:aws:sts::123456789012:assumed-role/app-users/CognitoIdentityCredentials", true, Map.of());

    private Instant expiresAt = NOW.plus(Duration.ofHours(1));

    /** Gatehouse's side: the signing key of the one set of credentials it issued, for any scope. */
    private final SigningKeySource keys = scope -> {
        if (!scope.accessKeyId().equals(KEY_ID) || !scope.sessionToken().equals(TOKEN)) {
            throw new SigV4Rejection("UnrecognizedClientException", "The security token included in the request is "
                    + "invalid.");
        }
        return new SigningKey(Canonical.signingKey(SECRET, scope.date(), scope.region(), scope.service()), CALLER,
                expiresAt);
    };
    private final SigV4Verification verification = new SigV4Verification(REGION, SERVICE, keys);

    private static SigV4Request signed(String body) {
        return SdkSigned.sign("POST", URI_, Map.of("Content-Type", "application/json"), body, KEY_ID, SECRET, TOKEN,
                REGION, SERVICE, NOW);
    }

    private static SigV4Request changed(SigV4Request request, String header, String value) {
        Map<String, List<String>> headers = new HashMap<>(request.headers());
        if (value == null) {
            headers.remove(header);
        } else {
            headers.put(header, List.of(value));
        }
        return new SigV4Request(request.method(), request.rawPath(), request.rawQuery(), headers, request.body());
    }

    private void assertRefused(SigV4Request request, Instant at, String type) {
        assertThatThrownBy(() -> verification.verify(request, at)).isInstanceOfSatisfying(SigV4Rejection.class,
                e -> {
                    assertThat(e.type()).isEqualTo(type);
                    assertThat(e.status()).isEqualTo(403);
                });
    }

    @Test
    void verifyWhenSignedBySdkThenTheCaller() {
        assertThat(verification.verify(signed("{\"item\":\"book\"}"), NOW)).isEqualTo(CALLER);
        SigV4Request get = SdkSigned.sign("GET", URI.create("http://localhost:9080/svc/me?x=%E2%9C%93&y=a+b"),
                Map.of(), null, KEY_ID, SECRET, TOKEN, REGION, SERVICE, NOW);
        assertThat(verification.verify(get, NOW.plus(Duration.ofMinutes(14)))).isEqualTo(CALLER);
    }

    @Test
    void verifyWhenBodyChangedThenInvalidSignature() {
        SigV4Request request = signed("{\"item\":\"book\"}");
        SigV4Request other = new SigV4Request(request.method(), request.rawPath(), request.rawQuery(),
                request.headers(), "{\"item\":\"car\"}".getBytes(StandardCharsets.UTF_8));

        assertRefused(other, NOW, "InvalidSignatureException");
    }

    @Test
    void verifyWhenPathQueryOrMethodChangedThenInvalidSignature() {
        SigV4Request r = signed("{}");
        assertRefused(new SigV4Request(r.method(), "/api/orders/a%20c", r.rawQuery(), r.headers(), r.body()), NOW,
                "InvalidSignatureException");
        assertRefused(new SigV4Request(r.method(), r.rawPath(), "b=3&a=x%2Fy&c", r.headers(), r.body()), NOW,
                "InvalidSignatureException");
        assertRefused(new SigV4Request("PUT", r.rawPath(), r.rawQuery(), r.headers(), r.body()), NOW,
                "InvalidSignatureException");
    }

    @Test
    void verifyWhenSignatureTamperedThenInvalidSignature() {
        SigV4Request request = signed("{}");
        String authorization = request.header("authorization");
        char last = authorization.charAt(authorization.length() - 1);
        String tampered = authorization.substring(0, authorization.length() - 1) + (last == '0' ? '1' : '0');

        assertRefused(changed(request, "authorization", tampered), NOW, "InvalidSignatureException");
    }

    @Test
    void verifyWhenOtherRegionOrServiceThenInvalidSignature() {
        assertRefused(SdkSigned.sign("POST", URI_, Map.of(), "{}", KEY_ID, SECRET, TOKEN, "us-east-1", SERVICE, NOW),
                NOW, "InvalidSignatureException");
        assertRefused(SdkSigned.sign("POST", URI_, Map.of(), "{}", KEY_ID, SECRET, TOKEN, REGION, "sts", NOW),
                NOW, "InvalidSignatureException");
    }

    @Test
    void verifyWhenSignedMoreThan15MinutesAgoOrAheadThenInvalidSignature() {
        SigV4Request request = signed("{}");
        assertRefused(request, NOW.plus(Duration.ofMinutes(16)), "InvalidSignatureException");
        assertRefused(request, NOW.minus(Duration.ofMinutes(16)), "InvalidSignatureException");
    }

    @Test
    void verifyWhenNoTokenOrUnsignedTokenOrWrongTokenThenRefused() {
        SigV4Request withoutToken = SdkSigned.sign("POST", URI_, Map.of(), "{}", KEY_ID, SECRET, null, REGION,
                SERVICE, NOW);
        assertRefused(withoutToken, NOW, "UnrecognizedClientException");
        // The token added after signing: present, but not covered by the signature.
        assertRefused(changed(withoutToken, "x-amz-security-token", TOKEN), NOW, "InvalidSignatureException");
        assertRefused(changed(signed("{}"), "x-amz-security-token", "another-token"), NOW,
                "UnrecognizedClientException");
    }

    @Test
    void verifyWhenCredentialsExpiredThenExpiredToken() {
        expiresAt = NOW.minusSeconds(1);

        assertRefused(signed("{}"), NOW, "ExpiredTokenException");
    }

    @Test
    void verifyWhenNoAuthorizationThenMissingAuthenticationToken() {
        assertRefused(changed(signed("{}"), "authorization", null), NOW, "MissingAuthenticationTokenException");
    }

    @Test
    void verifyWhenHeaderTwiceThenIncompleteSignature() {
        SigV4Request request = signed("{}");
        Map<String, List<String>> headers = new HashMap<>(request.headers());
        headers.put("x-amz-date", List.of(request.header("x-amz-date"), "20261206T110500Z"));

        assertRefused(new SigV4Request("POST", request.rawPath(), request.rawQuery(), headers, request.body()), NOW,
                "IncompleteSignatureException");
    }

    @Test
    void verifyWhenContentTypeUnsignedThenInvalidSignature() {
        SigV4Request unsignedType = SdkSigned.sign("POST", URI_, Map.of(), "{}", KEY_ID, SECRET, TOKEN, REGION,
                SERVICE, NOW);

        assertRefused(changed(unsignedType, "content-type", "application/json"), NOW, "InvalidSignatureException");
    }

    @Test
    void verifyWhenBodyHashDeclaredThenItMustBeTheBodys() {
        // The SDK signs x-amz-content-sha256 when asked for it, with the body's real hash.
        SigV4Request declared = SdkSigned.sign("POST", URI_, Map.of("x-amz-content-sha256", "UNSIGNED-PAYLOAD"),
                "{}", KEY_ID, SECRET, TOKEN, REGION, SERVICE, NOW);
        assertThat(verification.verify(declared, NOW)).isEqualTo(CALLER);

        assertRefused(new SigV4Request("POST", declared.rawPath(), declared.rawQuery(), declared.headers(),
                "{\"x\":1}".getBytes(StandardCharsets.UTF_8)), NOW, "InvalidSignatureException");
        assertRefused(changed(declared, "x-amz-content-sha256", "UNSIGNED-PAYLOAD"), NOW, "InvalidSignatureException");
    }

    @Test
    void verifyWhenMalformedAuthorizationThenIncompleteSignature() {
        assertRefused(changed(signed("{}"), "authorization", "AWS4-HMAC-SHA256 Credential=x"), NOW,
                "IncompleteSignatureException");
        assertRefused(changed(signed("{}"), "authorization", "Bearer abc"), NOW, "IncompleteSignatureException");
    }
}
