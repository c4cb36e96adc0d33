package io.gatehouse.it.cognito;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import io.gatehouse.it.Gatehouse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** Each pool's JWKS and discovery document at Cognito's paths under its issuer. */
class WellKnownIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static CognitoIdentityProviderClient cognito;

    @BeforeAll
    static void connect() {
        cognito = Gatehouse.adminClient();
    }

    @AfterAll
    static void close() {
        cognito.close();
    }

    @Test
    void jwksWhenPoolCreatedThenTwoRsaSigningKeysWithoutPrivateParts() throws Exception {
        String pool = cognito.createUserPool(r -> r.poolName("jwks")).userPool().id();

        HttpResponse<String> response = get("/" + pool + "/.well-known/jwks.json");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        JWKSet keys = JWKSet.parse(response.body());
        assertThat(keys.getKeys()).hasSize(2);
        assertThat(keys.getKeys()).allSatisfy(key -> {
            assertThat(key).isInstanceOf(RSAKey.class);
            assertThat(key.isPrivate()).isFalse();
            assertThat(key.getKeyUse()).isEqualTo(KeyUse.SIGNATURE);
            assertThat(key.getAlgorithm().getName()).isEqualTo("RS256");
            assertThat(((RSAKey) key).size()).isEqualTo(2048);
        });
        assertThat(keys.getKeys().get(0).getKeyID()).isNotEqualTo(keys.getKeys().get(1).getKeyID());
        assertThat(response.body()).doesNotContain("\"d\"");
    }

    @Test
    void jwksWhenOtherPoolThenOtherKeys() throws Exception {
        String first = cognito.createUserPool(r -> r.poolName("jwks-a")).userPool().id();
        String second = cognito.createUserPool(r -> r.poolName("jwks-b")).userPool().id();

        JWKSet a = JWKSet.parse(get("/" + first + "/.well-known/jwks.json").body());
        JWKSet b = JWKSet.parse(get("/" + second + "/.well-known/jwks.json").body());

        assertThat(a.getKeys()).noneMatch(k -> b.getKeyByKeyId(k.getKeyID()) != null);
    }

    @Test
    void openIdConfigurationWhenPoolExistsThenIssuerAndJwksUnderBaseUrl() throws Exception {
        String pool = cognito.createUserPool(r -> r.poolName("discovery")).userPool().id();

        HttpResponse<String> response = get("/" + pool + "/.well-known/openid-configuration");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode document = JSON.readTree(response.body());
        String issuer = Gatehouse.ENDPOINT + "/" + pool;
        assertThat(document.path("issuer").asText()).isEqualTo(issuer);
        assertThat(document.path("jwks_uri").asText()).isEqualTo(issuer + "/.well-known/jwks.json");
        assertThat(document.path("id_token_signing_alg_values_supported").toString()).isEqualTo("[\"RS256\"]");
    }

    @Test
    void wellKnownWhenPoolUnknownOrDeletedThenNotFound() throws Exception {
        String pool = cognito.createUserPool(r -> r.poolName("deleted")).userPool().id();
        cognito.deleteUserPool(r -> r.userPoolId(pool));

        assertThat(get("/" + pool + "/.well-known/jwks.json").statusCode()).isEqualTo(404);
        assertThat(get("/us-east-1_NoSuchPoo/.well-known/openid-configuration").statusCode()).isEqualTo(404);
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return Gatehouse.HTTP.send(HttpRequest.newBuilder(Gatehouse.ENDPOINT.resolve(path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
