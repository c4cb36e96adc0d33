package io.gatehouse.engine.identitypool.verifier;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatehouse.engine.cognito.sigv4.SigV4Verifier;
import io.gatehouse.engine.error.ServiceException;
import io.gatehouse.engine.identitypool.sts.StsSession;
import io.gatehouse.engine.identitypool.sts.StsSessions;
import io.gatehouse.engine.json.Json;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SigningKeyGrantsTest {

    private static final Instant NOW = Instant.parse("2026-12-06T11:00:00Z");
    private static final String KEY_ID = "ASIAABCDEFGHIJKLMNOP";
    private static final String TOKEN = "the-session-token";

    private Instant expiresAt = NOW.plus(Duration.ofHours(1));

    /** The stored sessions: one, whose secret is fixed. */
    private final StsSessions sessions = new StsSessions() {
        @Override
        public Optional<StsSession> find(String accessKeyId, String sessionToken) {
            return KEY_ID.equals(accessKeyId) && TOKEN.equals(sessionToken)
                    ? Optional.of(new StsSession("us-east-1:pool", "us-east-1:id", "arn:aws:iam::1:role/r", true,
                    Map.of(), expiresAt)) : Optional.empty();
        }

        @Override
        public String secretFor(String accessKeyId) {
            return "secret-of-" + accessKeyId;
        }
    };

    private SigningKeyGrants keys(List<String> services) {
        SigningKeyGrants keys = new SigningKeyGrants();
        keys.sessions = sessions;
        keys.clock = Clock.fixed(NOW, ZoneOffset.UTC);
        keys.services = Optional.ofNullable(services);
        return keys;
    }

    private static SigningKeyRequest request(String keyId, String token, String date, String service) {
        JsonNode body = Json.MAPPER.createObjectNode().put("AccessKeyId", keyId).put("SessionToken", token)
                .put("Date", date).put("Region", "us-east-1").put("Service", service);
        return SigningKeyRequest.parse(body);
    }

    private static void assertRefused(Runnable call, String type, int status) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(ServiceException.class, e -> {
            assertThat(e.type()).isEqualTo(type);
            assertThat(e.httpStatus()).isEqualTo(status);
        });
    }

    @Test
    void grantWhenLiveSessionThenTheDerivedKeyOfTheScope() {
        SigningKeyGrant grant = keys(null).grant(request(KEY_ID, TOKEN, "20261206", "orders"));

        assertThat(grant.signingKey()).isEqualTo(SigV4Verifier.signingKey("secret-of-" + KEY_ID, "20261206",
                "us-east-1", "orders"));
        assertThat(grant.session().roleArn()).isEqualTo("arn:aws:iam::1:role/r");
    }

    @Test
    void grantWhenUnknownKeyOrOtherTokenThenUnrecognizedClient() {
        assertRefused(() -> keys(null).grant(request("ASIAZZZZZZZZZZZZZZZZ", TOKEN, "20261206", "orders")),
                "UnrecognizedClientException", 403);
        assertRefused(() -> keys(null).grant(request(KEY_ID, "another", "20261206", "orders")),
                "UnrecognizedClientException", 403);
    }

    @Test
    void grantWhenExpiredThenExpiredToken() {
        expiresAt = NOW;

        assertRefused(() -> keys(null).grant(request(KEY_ID, TOKEN, "20261206", "orders")), "ExpiredTokenException",
                403);
    }

    @Test
    void grantWhenGatehousesOwnServiceOrNotAllowedThenAccessDenied() {
        for (String own : List.of("sts", "cognito-idp", "cognito-identity", "gatehouse-verifier")) {
            assertRefused(() -> keys(null).grant(request(KEY_ID, TOKEN, "20261206", own)), "AccessDeniedException",
                    403);
        }
        assertRefused(() -> keys(List.of("billing")).grant(request(KEY_ID, TOKEN, "20261206", "orders")),
                "AccessDeniedException", 403);
        assertThat(keys(List.of("billing", "orders")).grant(request(KEY_ID, TOKEN, "20261206", "orders"))).isNotNull();
    }

    @Test
    void grantWhenDayMoreThanADayAwayThenInvalidParameter() {
        assertThat(keys(null).grant(request(KEY_ID, TOKEN, "20261205", "orders"))).isNotNull();
        assertThat(keys(null).grant(request(KEY_ID, TOKEN, "20261207", "orders"))).isNotNull();
        assertRefused(() -> keys(null).grant(request(KEY_ID, TOKEN, "20261204", "orders")),
                "InvalidParameterException", 400);
        assertRefused(() -> keys(null).grant(request(KEY_ID, TOKEN, "20261208", "orders")),
                "InvalidParameterException", 400);
    }

    @Test
    void parseWhenFieldMissingOrMalformedThenInvalidParameter() {
        assertRefused(() -> SigningKeyRequest.parse(Json.parse("[]")), "InvalidParameterException", 400);
        assertRefused(() -> SigningKeyRequest.parse(Json.parse("{\"AccessKeyId\":\"A\"}")),
                "InvalidParameterException", 400);
        assertRefused(() -> request(KEY_ID, TOKEN, "2026-12-06", "orders"), "InvalidParameterException", 400);
        assertRefused(() -> request(KEY_ID, TOKEN, "20261206", "Orders!"), "InvalidParameterException", 400);
    }
}
