package io.gatehouse.it.attacks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatehouse.it.Gatehouse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SigV4 attack corpus: management calls (signed by the admin credential) forged, altered or replayed, each
 * refused with AWS's own error type and nothing done. Requests are signed here by hand, so that a forgery can get
 * every part wrong on purpose (the SDK's signer would not sign a request without its Host, or for a date its scope
 * does not name); the same signer's honest request is accepted, which shows it signs as AWS does, and so that each
 * refusal is the forgery's doing. {@code SignedHeadersIT} has the cases of an unsigned X-Amz-Target or Content-Type;
 * a presigned URL is made by the AWS SDK's own signer.
 */
class SigV4AttackCorpusIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final String TARGET = "AWSCognitoIdentityProviderService.";
    private static final String BODY = "{\"MaxResults\":1}";
    private static final Set<String> SET_BY_HTTP_CLIENT = Set.of("host", "content-length");

    /** A request as the forger signs it: every part of the signature can be got wrong on its own. */
    private record Forged(Instant signedAt, String scopeDate, String region, String service, String secret,
                          List<String> signedHeaders, String operation, String signedBody, String sentBody,
                          String sentOperation, Map<String, List<String>> extraHeaders, String algorithm) {

        static Forged honest(String operation, String body) {
            Instant now = Instant.now();
            return new Forged(now, AMZ_DATE.format(now).substring(0, 8), Gatehouse.REGION.id(), "cognito-idp",
                    Gatehouse.ADMIN_SECRET, List.of("content-type", "host", "x-amz-date", "x-amz-target"),
                    operation, body, body, operation, Map.of(), "AWS4-HMAC-SHA256");
        }

        Forged at(Instant when) {
            return new Forged(when, AMZ_DATE.format(when).substring(0, 8), region, service, secret, signedHeaders,
                    operation, signedBody, sentBody, sentOperation, extraHeaders, algorithm);
        }

        Forged scopeDate(String date) {
            return new Forged(signedAt, date, region, service, secret, signedHeaders, operation, signedBody,
                    sentBody, sentOperation, extraHeaders, algorithm);
        }

        Forged scope(String region, String service) {
            return new Forged(signedAt, scopeDate, region, service, secret, signedHeaders, operation, signedBody,
                    sentBody, sentOperation, extraHeaders, algorithm);
        }

        Forged secret(String secret) {
            return new Forged(signedAt, scopeDate, region, service, secret, signedHeaders, operation, signedBody,
                    sentBody, sentOperation, extraHeaders, algorithm);
        }

        Forged signing(String... headers) {
            return new Forged(signedAt, scopeDate, region, service, secret, List.of(headers), operation, signedBody,
                    sentBody, sentOperation, extraHeaders, algorithm);
        }

        Forged sending(String operation, String body) {
            return new Forged(signedAt, scopeDate, region, service, secret, signedHeaders, this.operation,
                    signedBody, body, operation, extraHeaders, algorithm);
        }

        Forged adding(Map<String, List<String>> headers) {
            return new Forged(signedAt, scopeDate, region, service, secret, signedHeaders, operation, signedBody,
                    sentBody, sentOperation, headers, algorithm);
        }

        Forged algorithm(String name) {
            return new Forged(signedAt, scopeDate, region, service, secret, signedHeaders, operation, signedBody,
                    sentBody, sentOperation, extraHeaders, name);
        }

        /** The Authorization header of this forgery, computed by SigV4's published steps. */
        String authorization() throws Exception {
            String amzDate = AMZ_DATE.format(signedAt);
            Map<String, String> values = Map.of("content-type", "application/x-amz-json-1.1",
                    "host", Gatehouse.ENDPOINT.getAuthority(), "x-amz-date", amzDate,
                    "x-amz-target", TARGET + operation);
            StringBuilder canonical = new StringBuilder("POST\n/\n\n");
            for (String name : signedHeaders) {
                canonical.append(name).append(':').append(values.get(name)).append('\n');
            }
            canonical.append('\n').append(String.join(";", signedHeaders)).append('\n').append(hex(sha256(signedBody)));
            String scope = scopeDate + "/" + region + "/" + service + "/aws4_request";
            String toSign = "AWS4-HMAC-SHA256\n" + amzDate + "\n" + scope + "\n" + hex(sha256(canonical.toString()));
            byte[] key = hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), scopeDate);
            key = hmac(key, region);
            key = hmac(key, service);
            key = hmac(key, "aws4_request");
            return algorithm + " Credential=" + Gatehouse.ADMIN_KEY + "/" + scope + ", SignedHeaders="
                    + String.join(";", signedHeaders) + ", Signature=" + hex(hmac(key, toSign));
        }

        String authorizationUnchecked() {
            try {
                return authorization();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        HttpResponse<String> send() throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(Gatehouse.ENDPOINT.resolve("/"))
                    .header("Content-Type", "application/x-amz-json-1.1")
                    .header("X-Amz-Target", TARGET + sentOperation)
                    .header("X-Amz-Date", AMZ_DATE.format(signedAt))
                    .header("Authorization", authorization())
                    .POST(HttpRequest.BodyPublishers.ofString(sentBody));
            extraHeaders.forEach((name, values) -> values.forEach(v -> request.header(name, v)));
            return Gatehouse.HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }
    }

    /** One forgery and the error AWS answers it with. */
    private record Case(String name, UnaryOperator<Forged> forge, String errorType) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> forgeries() {
        Instant now = Instant.now();
        return Stream.of(
                new Case("replayed 15 minutes later", f -> f.at(now.minus(Duration.ofMinutes(15))),
                        "InvalidSignatureException"),
                new Case("replayed a day later", f -> f.at(now.minus(Duration.ofDays(1))),
                        "InvalidSignatureException"),
                new Case("signed 15 minutes in the future", f -> f.at(now.plus(Duration.ofMinutes(15))),
                        "InvalidSignatureException"),
                new Case("Host not signed", f -> f.signing("content-type", "x-amz-date", "x-amz-target"),
                        "InvalidSignatureException"),
                new Case("no header signed", f -> f.signing("x-amz-date"), "InvalidSignatureException"),
                new Case("body changed after signing", f -> f.sending("ListUserPools", "{\"MaxResults\":60}"),
                        "InvalidSignatureException"),
                new Case("operation changed after signing", f -> f.sending("ListUsers", BODY),
                        "InvalidSignatureException"),
                new Case("signed for another region", f -> f.scope("eu-west-1", "cognito-idp"),
                        "InvalidSignatureException"),
                new Case("signed for another service", f -> f.scope(Gatehouse.REGION.id(), "cognito-identity"),
                        "InvalidSignatureException"),
                new Case("signed for another service, scope and key alike", f -> f.scope(Gatehouse.REGION.id(), "s3"),
                        "InvalidSignatureException"),
                new Case("signed with a wrong secret", f -> f.secret(Gatehouse.ADMIN_SECRET + "x"),
                        "InvalidSignatureException"),
                new Case("signed with an empty secret", f -> f.secret(""), "InvalidSignatureException"),
                new Case("credential scope dated the day before X-Amz-Date",
                        f -> f.scopeDate(AMZ_DATE.format(now.minus(Duration.ofDays(1))).substring(0, 8)),
                        "InvalidSignatureException"),
                new Case("a second Authorization header after the genuine one", f -> f.adding(Map.of("Authorization",
                        List.of(f.secret("wrong").authorizationUnchecked()))), "IncompleteSignatureException"),
                new Case("a second X-Amz-Date header", f -> f.adding(Map.of("X-Amz-Date",
                        List.of(AMZ_DATE.format(now.minus(Duration.ofDays(1)))))), "IncompleteSignatureException"),
                new Case("algorithm AWS4-HMAC-SHA1", f -> f.algorithm("AWS4-HMAC-SHA1"),
                        "IncompleteSignatureException"),
                new Case("algorithm SigV4a", f -> f.algorithm("AWS4-ECDSA-P256-SHA256"),
                        "IncompleteSignatureException"));
    }

    @Test
    void honestRequestOfTheForgersSignerThenAnswered() throws Exception {
        HttpResponse<String> answer = Forged.honest("ListUserPools", BODY).send();

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(JSON.readTree(answer.body()).has("UserPools")).isTrue();
    }

    @Test
    void honestRequestSignedFourMinutesAgoThenAnswered() throws Exception {
        HttpResponse<String> answer = Forged.honest("ListUserPools", BODY)
                .at(Instant.now().minus(Duration.ofMinutes(4))).send();

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forgeries")
    void forgedThenRefusedInAwsForm(Case forgery) throws Exception {
        HttpResponse<String> answer = forgery.forge().apply(Forged.honest("ListUserPools", BODY)).send();

        assertRefused(answer, forgery.errorType());
    }

    /** A forgery of a write: nothing is written. */
    @Test
    void createUserPoolWhenSignatureForgedThenNoPool() throws Exception {
        String name = "sigv4-forged-" + System.nanoTime();
        String body = "{\"PoolName\":\"" + name + "\"}";
        List<Forged> forgeries = new ArrayList<>(List.of(
                Forged.honest("CreateUserPool", body).at(Instant.now().minus(Duration.ofMinutes(20))),
                Forged.honest("CreateUserPool", body).secret("not-the-secret"),
                Forged.honest("CreateUserPool", body).signing("x-amz-date", "x-amz-target", "content-type"),
                Forged.honest("ListUserPools", body).sending("CreateUserPool", body)));
        for (Forged forged : forgeries) {
            assertThat(forged.send().statusCode()).isEqualTo(400);
        }

        try (var cognito = Gatehouse.adminClient()) {
            assertThat(cognito.listUserPoolsPaginator(r -> r.maxResults(60)).userPools())
                    .noneMatch(p -> p.name().equals(name));
        }
    }

    @Test
    void presignedUrlThenRefusedAsUnsigned() throws Exception {
        URI uri = Gatehouse.ENDPOINT.resolve("/");
        SignedRequest presigned = AwsV4HttpSigner.create().sign(r -> r
                .identity(AwsCredentialsIdentity.create(Gatehouse.ADMIN_KEY, Gatehouse.ADMIN_SECRET))
                .request(SdkHttpRequest.builder().method(SdkHttpMethod.POST).uri(uri)
                        .putHeader("Content-Type", "application/x-amz-json-1.1")
                        .putHeader("X-Amz-Target", TARGET + "ListUserPools").build())
                .payload(ContentStreamProvider.fromUtf8String(BODY))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "cognito-idp")
                .putProperty(AwsV4HttpSigner.REGION_NAME, Gatehouse.REGION.id())
                .putProperty(AwsV4HttpSigner.AUTH_LOCATION, AwsV4FamilyHttpSigner.AuthLocation.QUERY_STRING)
                .putProperty(AwsV4HttpSigner.EXPIRATION_DURATION, Duration.ofMinutes(5)));
        assertThat(presigned.request().getUri().getQuery()).contains("X-Amz-Signature=");
        HttpRequest.Builder request = HttpRequest.newBuilder(presigned.request().getUri())
                .POST(HttpRequest.BodyPublishers.ofString(BODY));
        presigned.request().headers().forEach((name, values) -> {
            if (!SET_BY_HTTP_CLIENT.contains(name.toLowerCase())) {
                values.forEach(v -> request.header(name, v));
            }
        });

        HttpResponse<String> answer = Gatehouse.HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());

        assertRefused(answer, "MissingAuthenticationTokenException");
    }

    private static void assertRefused(HttpResponse<String> answer, String errorType) throws Exception {
        assertThat(answer.statusCode()).as(answer.body()).isIn(400, 403);
        JsonNode error = JSON.readTree(answer.body());
        assertThat(error.path("__type").asText()).as(answer.body()).isEqualTo(errorType);
        assertThat(answer.headers().firstValue("x-amzn-ErrorType")).hasValue(errorType);
        assertThat(answer.body()).doesNotContain("UserPools", Gatehouse.ADMIN_SECRET);
    }

    private static byte[] sha256(String text) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] hmac(byte[] key, String data) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
