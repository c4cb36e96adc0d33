package io.gatehouse.it.triggers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatehouse.it.Gatehouse;
import io.gatehouse.it.cognito.NodeScripts;
import io.gatehouse.it.support.TriggerStandIn;
import io.gatehouse.it.support.TriggerStandIn.Answer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserStatusType;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * amazon-cognito-identity-js, unchanged but for its {@code endpoint}, against a pool whose UserMigration and pre token
 * generation triggers are webhooks: a user from a legacy user list migrated at their first sign-in (the library's
 * USER_PASSWORD_AUTH, as the AWS guide has apps do), then signing in with SRP, the library's default, with the claim
 * the trigger adds in the ID token.
 */
class TriggersIdentityJsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> LEGACY_USERS = Map.of("lena", "old-secret-1");

    private static CognitoIdentityProviderClient cognito;
    private static TriggerStandIn standIn;
    private static String poolId;
    private static String clientId;

    @BeforeAll
    static void pool() throws Exception {
        cognito = Gatehouse.adminClient();
        standIn = new TriggerStandIn();
        standIn.on("/migrate", event -> {
            String name = event.path("userName").asText();
            if (!event.path("request").path("password").asText().equals(LEGACY_USERS.get(name))) {
                return Answer.error("Bad password");
            }
            var response = JSON.createObjectNode().put("finalUserStatus", "CONFIRMED").put("messageAction", "SUPPRESS");
            response.putObject("userAttributes").put("email", name + "@legacy.example").put("email_verified", "true");
            return Answer.respond(event, response);
        });
        standIn.on("/pre-sign-up", event -> Answer.respond(event, JSON.createObjectNode()
                .put("autoConfirmUser", event.path("request").path("userAttributes").path("email").asText()
                        .endsWith("@legacy.example")).put("autoVerifyEmail", true)));
        standIn.on("/token", event -> {
            var response = JSON.createObjectNode();
            response.putObject("claimsOverrideDetails").putObject("claimsToAddOrOverride")
                    .put("legacy_id", "L-" + event.path("userName").asText());
            return Answer.respond(event, response);
        });
        poolId = cognito.createUserPool(r -> r.poolName("identity-js-triggers").lambdaConfig(l -> l
                .userMigration(standIn.url("/migrate")).preTokenGeneration(standIn.url("/token"))
                .preSignUp(standIn.url("/pre-sign-up")))).userPool().id();
        clientId = cognito.createUserPoolClient(r -> r.userPoolId(poolId).clientName("web").explicitAuthFlows(
                ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH, ExplicitAuthFlowsType.ALLOW_USER_SRP_AUTH,
                ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH)).userPoolClient().clientId();
    }

    @AfterAll
    static void close() {
        standIn.close();
        cognito.close();
    }

    private static JsonNode node(String... arguments) throws Exception {
        String[] all = new String[arguments.length + 2];
        all[0] = poolId;
        all[1] = clientId;
        System.arraycopy(arguments, 0, all, 2, arguments.length);
        return NodeScripts.run("triggers.mjs", all);
    }

    @Test
    void libraryWhenALegacyUserSignsInFirstThenMigratedAndTheTriggersClaimIsInTheIdToken() throws Exception {
        JsonNode wrong = node("password-sign-in", "lena", "not-her-password");
        assertThat(wrong.path("error").asText()).as(wrong.toString()).isEqualTo("NotAuthorizedException");

        JsonNode first = node("password-sign-in", "lena", "old-secret-1");
        assertThat(first.path("error").isMissingNode()).as(first.toString()).isTrue();
        assertThat(first.path("idToken").path("cognito:username").asText()).isEqualTo("lena");
        assertThat(first.path("idToken").path("email").asText()).isEqualTo("lena@legacy.example");
        assertThat(first.path("idToken").path("legacy_id").asText()).isEqualTo("L-lena");
        assertThat(cognito.adminGetUser(r -> r.userPoolId(poolId).username("lena")).userStatus())
                .isEqualTo(UserStatusType.CONFIRMED);

        // Migrated with an SRP verifier of the password it came with: the library's default flow works from now on.
        JsonNode srp = node("srp-sign-in", "lena", "old-secret-1");
        assertThat(srp.path("error").isMissingNode()).as(srp.toString()).isTrue();
        assertThat(srp.path("idToken").path("legacy_id").asText()).isEqualTo("L-lena");
        assertThat(srp.path("accessToken").path("legacy_id").isMissingNode()).isTrue();
        assertThat(standIn.events("UserMigration_Authentication")).hasSize(2);
        assertThat(standIn.events("TokenGeneration_Authentication")).hasSize(2);
    }

    @Test
    void librarySignUpWhenPreSignUpConfirmsThenConfirmedWithNoCodeAndTheUserSignsInAtOnce() throws Exception {
        JsonNode signedUp = node("sign-up", "mira", "Mira-Sign-Up-1", "mira@legacy.example");

        assertThat(signedUp.path("error").isMissingNode()).as(signedUp.toString()).isTrue();
        assertThat(signedUp.path("userConfirmed").asBoolean()).isTrue();
        assertThat(signedUp.path("codeDeliveryDetails").isNull()).isTrue();
        assertThat(standIn.events("PreSignUp_SignUp").get(0).path("callerContext").path("clientId").asText())
                .isEqualTo(clientId);
        JsonNode signedIn = node("srp-sign-in", "mira", "Mira-Sign-Up-1");
        assertThat(signedIn.path("idToken").path("email_verified").asBoolean()).as(signedIn.toString()).isTrue();
    }
}
