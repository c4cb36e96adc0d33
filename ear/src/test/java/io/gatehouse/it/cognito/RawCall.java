package io.gatehouse.it.cognito;

import io.gatehouse.it.Gatehouse;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One hand-made call to the Cognito endpoint, signed (or not) by the AWS SDK's own SigV4 signer, for the cases an
 * SDK client never produces: a stale clock, a body changed after signing, malformed JSON.
 */
public final class RawCall {

    static final String CONTENT_TYPE = "application/x-amz-json-1.1";
    private static final Set<String> SET_BY_HTTP_CLIENT = Set.of("host", "content-length");

    private RawCall() {
    }

    /** Sends {@code body} to {@code target}, unsigned. */
    static HttpResponse<String> unsigned(String target, String body, Map<String, String> extraHeaders) {
        HttpRequest.Builder request = HttpRequest.newBuilder(Gatehouse.ENDPOINT)
                .header("Content-Type", CONTENT_TYPE)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (target != null) {
            request.header("X-Amz-Target", target);
        }
        extraHeaders.forEach(request::header);
        return send(request.build());
    }

    /** Signs {@code signedBody} with the given credential and clock, then sends {@code sentBody}. */
    static HttpResponse<String> signed(String target, String signedBody, String sentBody, String keyId, String secret,
                                       Clock clock) {
        SdkHttpRequest unsignedRequest = SdkHttpRequest.builder()
                .method(SdkHttpMethod.POST)
                .uri(Gatehouse.ENDPOINT.resolve("/"))
                .putHeader("Content-Type", CONTENT_TYPE)
                .putHeader("X-Amz-Target", target)
                .build();
        SignedRequest signed = AwsV4HttpSigner.create().sign(r -> r
                .identity(AwsCredentialsIdentity.create(keyId, secret))
                .request(unsignedRequest)
                .payload(ContentStreamProvider.fromUtf8String(signedBody))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "cognito-idp")
                .putProperty(AwsV4HttpSigner.REGION_NAME, Gatehouse.REGION.id())
                .putProperty(HttpSigner.SIGNING_CLOCK, clock));
        HttpRequest.Builder request = HttpRequest.newBuilder(Gatehouse.ENDPOINT.resolve("/"))
                .POST(HttpRequest.BodyPublishers.ofString(sentBody));
        signed.request().headers().forEach((name, values) -> {
            if (!SET_BY_HTTP_CLIENT.contains(name.toLowerCase())) {
                values.forEach(v -> request.header(name, v));
            }
        });
        return send(request.build());
    }

    /** A GET of {@code path} with no signature. */
    static HttpResponse<String> unsignedGet(String path) {
        return send(HttpRequest.newBuilder(Gatehouse.ENDPOINT.resolve(path)).GET().build());
    }

    /** A GET of {@code path} signed for cognito-idp with the given credential (Gatehouse's own admin endpoints). */
    static HttpResponse<String> signedGet(String path, String keyId, String secret) {
        URI uri = Gatehouse.ENDPOINT.resolve(path);
        SignedRequest signed = AwsV4HttpSigner.create().sign(r -> r
                .identity(AwsCredentialsIdentity.create(keyId, secret))
                .request(SdkHttpRequest.builder().method(SdkHttpMethod.GET).uri(uri).build())
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "cognito-idp")
                .putProperty(AwsV4HttpSigner.REGION_NAME, Gatehouse.REGION.id()));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET();
        signed.request().headers().forEach((name, values) -> {
            if (!SET_BY_HTTP_CLIENT.contains(name.toLowerCase())) {
                values.forEach(v -> request.header(name, v));
            }
        });
        return send(request.build());
    }

    /** An empty POST of {@code path} signed for cognito-idp with the given credential (Gatehouse's admin calls). */
    public static HttpResponse<String> signedPost(String path, String keyId, String secret) {
        URI uri = Gatehouse.ENDPOINT.resolve(path);
        SignedRequest signed = AwsV4HttpSigner.create().sign(r -> r
                .identity(AwsCredentialsIdentity.create(keyId, secret))
                .request(SdkHttpRequest.builder().method(SdkHttpMethod.POST).uri(uri).build())
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "cognito-idp")
                .putProperty(AwsV4HttpSigner.REGION_NAME, Gatehouse.REGION.id()));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.noBody());
        signed.request().headers().forEach((name, values) -> {
            if (!SET_BY_HTTP_CLIENT.contains(name.toLowerCase())) {
                values.forEach(v -> request.header(name, v));
            }
        });
        return send(request.build());
    }

    /** Signs with the admin credential and the real clock. */
    public static HttpResponse<String> admin(String target, String body) {
        return signed(target, body, body, Gatehouse.ADMIN_KEY, Gatehouse.ADMIN_SECRET, Clock.systemUTC());
    }

    public static String target(String operation) {
        return "AWSCognitoIdentityProviderService." + operation;
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return Gatehouse.HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static List<String> header(HttpResponse<?> response, String name) {
        return response.headers().allValues(name);
    }
}
