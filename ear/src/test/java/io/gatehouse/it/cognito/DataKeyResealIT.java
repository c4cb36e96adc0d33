package io.gatehouse.it.cognito;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatehouse.it.Gatehouse;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /admin/data-key/reseal} on the running server: only the admin credential's SigV4 signature opens it; a GET
 * counts, a POST re-seals and counts, naming every kind of sealed value and the current data key. (Moving values
 * from one key to another is shown on real databases by the engine's ColumnSealer tests; this server has one key.)
 */
class DataKeyResealIT {

    private static final String PATH = "/admin/data-key/reseal";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The key id the documented way: the first 6 bytes of HMAC-SHA-256(data key, "gatehouse key id"), in hex. */
    private static String serverKeyId() throws Exception {
        byte[] key = Base64.getDecoder().decode(Files.readString(Gatehouse.serverDir().resolve("data-key")).strip());
        Mac hmac = Mac.getInstance("HmacSHA256");
        hmac.init(new SecretKeySpec(key, "HmacSHA256"));
        return HexFormat.of().formatHex(hmac.doFinal("gatehouse key id".getBytes(StandardCharsets.UTF_8)), 0, 6);
    }

    @Test
    void resealWhenCalledWithoutTheAdminSignatureThenRefusedAndNothingIsDone() throws Exception {
        HttpResponse<String> unsigned = Gatehouse.HTTP.send(HttpRequest.newBuilder(Gatehouse.ENDPOINT.resolve(PATH))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> unsignedGet = RawCall.unsignedGet(PATH);
        HttpResponse<String> wrongSecret = RawCall.signedPost(PATH, Gatehouse.ADMIN_KEY, "not-the-admin-secret");
        HttpResponse<String> unknownKey = RawCall.signedGet(PATH, "AKIDNOSUCHKEY", Gatehouse.ADMIN_SECRET);

        for (HttpResponse<String> refused : List.of(unsigned, unsignedGet, wrongSecret, unknownKey)) {
            assertThat(refused.statusCode()).as(refused.body()).isBetween(400, 499);
            assertThat(JSON.readTree(refused.body()).path("__type").asText()).isNotBlank();
            assertThat(refused.body()).doesNotContain("Remaining").doesNotContain("\tat ");
        }
    }

    @Test
    void resealWhenSignedThenEverySealedKindIsCountedAndNoneIsLeftOnAnotherKey() throws Exception {
        try (CognitoIdentityProviderClient cognito = Gatehouse.adminClient()) {
            // Something of each kind the server re-seals itself: a pool (its signing keys), a client with two secrets.
            String poolId = cognito.createUserPool(r -> r.poolName("reseal")).userPool().id();
            String clientId = cognito.createUserPoolClient(r -> r.userPoolId(poolId).clientName("c")
                    .generateSecret(true)).userPoolClient().clientId();
            cognito.addUserPoolClientSecret(r -> r.userPoolId(poolId).clientId(clientId));
        }

        HttpResponse<String> status = RawCall.signedGet(PATH, Gatehouse.ADMIN_KEY, Gatehouse.ADMIN_SECRET);
        HttpResponse<String> resealed = RawCall.signedPost(PATH, Gatehouse.ADMIN_KEY, Gatehouse.ADMIN_SECRET);
        HttpResponse<String> again = RawCall.signedPost(PATH, Gatehouse.ADMIN_KEY, Gatehouse.ADMIN_SECRET);

        String keyId = serverKeyId();
        for (HttpResponse<String> answer : List.of(status, resealed, again)) {
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            JsonNode body = JSON.readTree(answer.body());
            assertThat(body.path("DataKeyId").asText()).isEqualTo(keyId);
            List<String> names = new ArrayList<>();
            body.path("Values").forEach(v -> names.add(v.path("Name").asText()));
            assertThat(names).contains("signing_key.private_jwk", "user_pool_client.client_secret",
                    "user_pool_client.second_client_secret", "admin_credential.secret_access_key",
                    "local_party_key.private_key", "identity_provider.details", "user_mfa.state");
            body.path("Values").forEach(v -> {
                assertThat(v.path("Remaining").isInt()).isTrue();
                if (!v.path("ResealedOnUse").asBoolean()) {
                    assertThat(v.path("Remaining").asInt()).as(v.toString()).isZero();
                }
            });
            assertThat(body.path("Remaining").asInt()).isZero();
        }
        JsonNode second = JSON.readTree(again.body());
        second.path("Values").forEach(v -> assertThat(v.path("Resealed").asInt()).as("idempotent: " + v).isZero());
        JsonNode counted = JSON.readTree(status.body());
        counted.path("Values").forEach(v -> assertThat(v.path("Resealed").asInt()).as("a GET changes nothing")
                .isZero());
    }
}
