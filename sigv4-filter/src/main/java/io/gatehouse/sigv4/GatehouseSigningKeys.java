package io.gatehouse.sigv4;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Asks Gatehouse ({@code POST <endpoint>/sts/signing-key}, signed with the verifier credential for the service
 * {@code gatehouse-verifier}) for the signing key of one set of credentials and scope. Gatehouse's refusals of the
 * credentials become the caller's 403; its refusal of the verifier credential, or no answer, is this service's
 * problem: logged, and the caller gets 503.
 */
public final class GatehouseSigningKeys implements SigningKeySource {

    static final String SIGNING_NAME = "gatehouse-verifier";
    private static final Logger LOG = Logger.getLogger(GatehouseSigningKeys.class.getName());
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    /** Gatehouse's refusals that are about the credentials a request was signed with, not about this filter. */
    private static final Set<String> CALLER_ERRORS = Set.of("UnrecognizedClientException", "ExpiredTokenException",
            "InvalidParameterException");

    private final URI uri;
    private final RequestSigner signer;
    private final HttpClient http;
    private final Clock clock;

    /**
     * @param endpoint        Gatehouse's base URL
     * @param gatehouseRegion Gatehouse's region, which the call is signed for
     * @param accessKeyId     the verifier credential's key id
     * @param secret          the verifier credential's secret
     */
    public GatehouseSigningKeys(URI endpoint, String gatehouseRegion, String accessKeyId, String secret,
                                Clock clock) {
        String base = endpoint.toString();
        this.uri = URI.create((base.endsWith("/") ? base : base + "/") + "sts/signing-key");
        this.signer = new RequestSigner(accessKeyId, secret, gatehouseRegion, SIGNING_NAME);
        // HTTP/1.1: the calls are rare (once per credentials and day), and a cleartext HTTP/2 upgrade of a POST
        // gains nothing over it.
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(TIMEOUT).build();
        this.clock = clock;
    }

    @Override
    public SigningKey signingKey(KeyScope scope) {
        byte[] body = Json.createObjectBuilder()
                .add("AccessKeyId", scope.accessKeyId())
                .add("SessionToken", scope.sessionToken())
                .add("Date", scope.date())
                .add("Region", scope.region())
                .add("Service", scope.service())
                .build().toString().getBytes(StandardCharsets.UTF_8);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(TIMEOUT)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        signer.sign(uri, body, clock.instant()).forEach(request::header);
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            LOG.warning(() -> "Gatehouse did not answer at " + uri + ": " + e);
            throw unavailable();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable();
        }
        try {
            JsonObject answer = parse(response.body());
            if (response.statusCode() == 200) {
                return signingKey(answer);
            }
            String type = answer.getString("__type", "");
            String message = answer.getString("message", "");
            if (CALLER_ERRORS.contains(type)) {
                throw new SigV4Rejection(type.equals("InvalidParameterException") ? "InvalidSignatureException"
                        : type, message);
            }
            LOG.warning(() -> "Gatehouse refused this service's signing-key call (" + response.statusCode() + " "
                    + type + "): " + message);
            throw unavailable();
        } catch (JsonException | ClassCastException | NullPointerException | IllegalArgumentException e) {
            LOG.warning(() -> "Gatehouse's answer at " + uri + " (" + response.statusCode() + ") is not what the "
                    + "filter expects: " + e);
            throw unavailable();
        }
    }

    private static SigningKey signingKey(JsonObject answer) {
        Map<String, String> tags = new HashMap<>();
        JsonObject tagObject = answer.getJsonObject("PrincipalTags");
        if (tagObject != null) {
            tagObject.forEach((k, v) -> tags.put(k, v instanceof JsonString s ? s.getString() : v.toString()));
        }
        GatehouseCaller caller = new GatehouseCaller(answer.getString("IdentityPoolId"),
                answer.getString("IdentityId"), answer.getString("RoleArn"), answer.getString("AssumedRoleArn"),
                answer.get("Authenticated") == JsonValue.TRUE, tags);
        BigDecimal seconds = answer.getJsonNumber("Expiration").bigDecimalValue();
        Instant expiresAt = Instant.ofEpochMilli(seconds.movePointRight(3).longValue());
        return new SigningKey(Base64.getDecoder().decode(answer.getString("SigningKey")), caller, expiresAt);
    }

    private static JsonObject parse(String body) {
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        }
    }

    private static SigV4Rejection unavailable() {
        return new SigV4Rejection("ServiceUnavailableException", "The service cannot check signatures now.", 503);
    }
}
