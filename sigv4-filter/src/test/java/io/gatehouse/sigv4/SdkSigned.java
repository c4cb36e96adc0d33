package io.gatehouse.sigv4;

import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A request signed by the AWS SDK for Java v2's own SigV4 signer, as the filter would receive it. */
final class SdkSigned {

    private SdkSigned() {
    }

    /**
     * Signs a request of {@code method} to {@code uri} with {@code body} and {@code headers}, at {@code at}.
     *
     * @param token the session token, or null to sign without one
     */
    static SigV4Request sign(String method, URI uri, Map<String, String> headers, String body, String keyId,
                             String secret, String token, String region, String service, Instant at) {
        SdkHttpRequest.Builder unsigned = SdkHttpRequest.builder().method(SdkHttpMethod.fromValue(method)).uri(uri);
        headers.forEach(unsigned::putHeader);
        AwsCredentialsIdentity identity = token == null ? AwsCredentialsIdentity.create(keyId, secret)
                : AwsSessionCredentialsIdentity.create(keyId, secret, token);
        SdkHttpRequest signed = AwsV4HttpSigner.create().sign(r -> r
                .identity(identity)
                .request(unsigned.build())
                .payload(body == null ? null : ContentStreamProvider.fromUtf8String(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
                .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                .putProperty(HttpSigner.SIGNING_CLOCK, Clock.fixed(at, ZoneOffset.UTC))).request();
        Map<String, List<String>> received = new HashMap<>(signed.headers());
        received.putIfAbsent("Host", List.of(RequestSigner.host(uri)));
        URI sent = signed.getUri();
        return new SigV4Request(method, sent.getRawPath(), sent.getRawQuery(), received,
                body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8));
    }
}
