package io.gatehouse.it.fuzz;

import io.gatehouse.it.Gatehouse;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;

/** Sends an {@link ApiCase} to the server under test, signed by the AWS SDK's own SigV4 signer when it says so. */
final class ApiWire {

    /** Long enough for a hashed password under load; a call that takes longer is itself a finding. */
    static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final Set<String> SET_BY_HTTP_CLIENT = Set.of("host", "content-length");

    private ApiWire() {
    }

    /** The answer, or null when none came within {@link #PATIENCE}. */
    static HttpResponse<String> send(ApiCase c) throws IOException, InterruptedException {
        URI uri = Gatehouse.ENDPOINT.resolve("/");
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(PATIENCE)
                .POST(HttpRequest.BodyPublishers.ofByteArray(c.body()));
        if (c.signed()) {
            SdkHttpRequest.Builder unsigned = SdkHttpRequest.builder().method(SdkHttpMethod.POST).uri(uri);
            if (c.contentType() != null) {
                unsigned.putHeader("Content-Type", c.contentType());
            }
            if (c.target() != null) {
                unsigned.putHeader("X-Amz-Target", c.target());
            }
            SignedRequest signed = AwsV4HttpSigner.create().sign(r -> r
                    .identity(AwsCredentialsIdentity.create(Gatehouse.ADMIN_KEY, Gatehouse.ADMIN_SECRET))
                    .request(unsigned.build())
                    .payload(ContentStreamProvider.fromByteArray(c.body()))
                    .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "cognito-idp")
                    .putProperty(AwsV4HttpSigner.REGION_NAME, Gatehouse.REGION.id()));
            signed.request().headers().forEach((name, values) -> {
                if (!SET_BY_HTTP_CLIENT.contains(name.toLowerCase())) {
                    values.forEach(v -> request.header(name, v));
                }
            });
        } else {
            if (c.contentType() != null) {
                request.header("Content-Type", c.contentType());
            }
            if (c.target() != null) {
                request.header("X-Amz-Target", c.target());
            }
        }
        try {
            return Gatehouse.HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            return null;
        }
    }
}
