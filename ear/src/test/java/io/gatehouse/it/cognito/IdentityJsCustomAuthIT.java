package io.gatehouse.it.cognito;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatehouse.it.Gatehouse;
import io.gatehouse.it.support.TriggerStandIn;
import io.gatehouse.it.support.TriggerStandIn.Answer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;

import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * amazon-cognito-identity-js's custom sign-in ({@code CUSTOM_AUTH}: {@code initiateAuth}, {@code authenticateUser}
 * with its {@code customChallenge} callback, {@code sendCustomChallengeAnswer}) against challenges a webhook defines:
 * the stand-in plays DefineAuthChallenge, CreateAuthChallenge (a fresh one-time code for each challenge, "sent" to
 * the test, which hands it to the script when it asks) and VerifyAuthChallengeResponse.
 */
class IdentityJsCustomAuthIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "Custom-Js-Pass-1";
    private static final SecureRandom RANDOM = new SecureRandom();

    private static CognitoIdentityProviderClient cognito;
    private static TriggerStandIn standIn;
    private static String poolId;
    private static String clientId;
    private final AtomicReference<String> sentCode = new AtomicReference<>();

    @BeforeAll
    static void pool() throws Exception {
        cognito = Gatehouse.adminClient();
        standIn = new TriggerStandIn();
        poolId = cognito.createUserPool(r -> r.poolName("identity-js-custom").lambdaConfig(l -> l
                .defineAuthChallenge(standIn.url("/js/define")).createAuthChallenge(standIn.url("/js/create"))
                .verifyAuthChallengeResponse(standIn.url("/js/verify")))).userPool().id();
        clientId = cognito.createUserPoolClient(r -> r.userPoolId(poolId).clientName("web").explicitAuthFlows(
                ExplicitAuthFlowsType.ALLOW_CUSTOM_AUTH, ExplicitAuthFlowsType.ALLOW_USER_SRP_AUTH,
                ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH)).userPoolClient().clientId();
    }

    @AfterAll
    static void close() {
        standIn.close();
        cognito.close();
    }

    @BeforeEach
    void functions() {
        standIn.clear();
        // SRP_A -> PASSWORD_VERIFIER when the client offers it; then codes until one is right (three tries).
        standIn.on("/js/define", event -> {
            JsonNode session = event.path("request").path("session");
            JsonNode last = session.isEmpty() ? null : session.get(session.size() - 1);
            String lastName = last == null ? "" : last.path("challengeName").asText();
            Map<String, Object> response;
            if ("SRP_A".equals(lastName)) {
                response = Map.of("challengeName", "PASSWORD_VERIFIER");
            } else if ("PASSWORD_VERIFIER".equals(lastName) && !last.path("challengeResult").asBoolean()) {
                response = Map.of("failAuthentication", true);
            } else if ("CUSTOM_CHALLENGE".equals(lastName) && last.path("challengeResult").asBoolean()) {
                response = Map.of("issueTokens", true);
            } else if (session.size() < 4) {
                response = Map.of("challengeName", "CUSTOM_CHALLENGE");
            } else {
                response = Map.of("failAuthentication", true);
            }
            return Answer.respond(event, JSON.valueToTree(response));
        });
        standIn.on("/js/create", event -> {
            String code = String.format("%06d", RANDOM.nextInt(1_000_000));
            sentCode.set(code);
            return Answer.respond(event, JSON.valueToTree(Map.of(
                    "publicChallengeParameters", Map.of("hint", "a code went to " + event.path("request")
                            .path("userAttributes").path("email").asText()),
                    "privateChallengeParameters", Map.of("code", code),
                    "challengeMetadata", "CODE")));
        });
        standIn.on("/js/verify", event -> Answer.respond(event, JSON.valueToTree(Map.of("answerCorrect",
                event.path("request").path("challengeAnswer").asText().equals(event.path("request")
                        .path("privateChallengeParameters").path("code").asText())))));
    }

    private static String user() {
        String name = "jsc-" + UUID.randomUUID().toString().substring(0, 8);
        cognito.adminCreateUser(r -> r.userPoolId(poolId).username(name).messageAction(MessageActionType.SUPPRESS)
                .userAttributes(a -> a.name("email").value(name + "@example.com")));
        cognito.adminSetUserPassword(r -> r.userPoolId(poolId).username(name).password(PASSWORD).permanent(true));
        return name;
    }

    private JsonNode script(String... arguments) throws Exception {
        List<String> all = new java.util.ArrayList<>(List.of(poolId, clientId));
        all.addAll(List.of(arguments));
        return NodeScripts.run("custom-auth.mjs", prompt -> {
            assertThat(prompt.path("prompt").asText()).isEqualTo("code");
            return sentCode.get();
        }, all.toArray(String[]::new));
    }

    @Test
    void libraryWhenPasswordlessCustomAuthThenAWrongCodeIsRetriedAndTheSentOneSignsIn() throws Exception {
        String username = user();

        JsonNode result = script("passwordless", username);

        assertThat(result.path("error").isMissingNode()).as(result.toString()).isTrue();
        assertThat(result.path("challenge").path("hint").asText()).isEqualTo("a code went to " + username
                + "@example.com");
        assertThat(result.path("challenge").has("code")).isFalse();
        assertThat(result.path("retriedWithChallenge").asBoolean()).isTrue();
        assertThat(result.path("idTokenUser").asText()).isEqualTo(username);
        assertThat(result.path("accessTokenUse").asText()).isEqualTo("access");
        assertThat(result.path("valid").asBoolean()).isTrue();
        List<JsonNode> verifies = standIn.events("VerifyAuthChallengeResponse_Authentication");
        assertThat(verifies).hasSize(2);
        assertThat(verifies.get(1).path("request").path("clientMetadata").path("attempt").asText())
                .isEqualTo("second");
        JsonNode last = standIn.events("DefineAuthChallenge_Authentication").get(2).path("request").path("session");
        assertThat(last).hasSize(2);
        assertThat(standIn.refusedSignatures()).isZero();
    }

    @Test
    void libraryWhenCustomAuthWithPasswordThenSrpFirstThenTheCodeAndAWrongPasswordFails() throws Exception {
        String username = user();

        JsonNode result = script("with-password", username, PASSWORD);

        assertThat(result.path("error").isMissingNode()).as(result.toString()).isTrue();
        assertThat(result.path("challenge").path("hint").asText()).startsWith("a code went to");
        assertThat(result.path("idTokenUser").asText()).isEqualTo(username);
        assertThat(result.path("wrongPassword").asText()).isEqualTo("NotAuthorizedException");
        JsonNode steps = standIn.events("DefineAuthChallenge_Authentication").get(2).path("request").path("session");
        assertThat(steps).extracting(s -> s.path("challengeName").asText())
                .containsExactly("SRP_A", "PASSWORD_VERIFIER", "CUSTOM_CHALLENGE");
    }
}
