package io.gatehouse.engine.trigger.calls;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatehouse.api.trigger.GroupConfiguration;
import io.gatehouse.api.trigger.PostAuthenticationEvent;
import io.gatehouse.api.trigger.PreAuthenticationEvent;
import io.gatehouse.api.trigger.PreTokenGenerationEvent;
import io.gatehouse.api.trigger.PreTokenGenerationResponse;
import io.gatehouse.api.trigger.TriggerContext;
import io.gatehouse.api.trigger.UserMigrationEvent;
import io.gatehouse.api.trigger.UserMigrationResponse;
import io.gatehouse.engine.json.Json;
import io.gatehouse.engine.trigger.TriggerFailure;
import io.gatehouse.engine.trigger.TriggerJson;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The sign-in family's events as Cognito writes them, and their answers as Cognito reads them. */
class SignInCallsTest {

    private static TriggerContext context(String version, String source) {
        return new TriggerContext(version, source, "us-east-1", "us-east-1_Abc", "jane",
                new TriggerContext.CallerContext("aws-sdk-unknown-unknown", "client1"));
    }

    private static JsonNode json(String text) {
        return Json.parse(text);
    }

    @Test
    void preAuthenticationRequestHasCognitosMembers() {
        PreAuthenticationEvent event = new PreAuthenticationEvent(context("1", "PreAuthentication_Authentication"),
                Map.of("email", "j@example.com"), Map.of("ip", "1.2.3.4"), Map.of(), true);

        JsonNode request = PreAuthenticationCall.INSTANCE.request(event);

        assertThat(request.path("userAttributes").path("email").asText()).isEqualTo("j@example.com");
        assertThat(request.path("userNotFound").asBoolean()).isTrue();
        assertThat(request.path("validationData").path("ip").asText()).isEqualTo("1.2.3.4");
        assertThat(request.path("clientMetadata").isObject()).isTrue();
        assertThat(TriggerJson.event(event.context(), PreAuthenticationCall.INSTANCE.request(event))
                .path("triggerSource").asText()).isEqualTo("PreAuthentication_Authentication");
    }

    @Test
    void postAuthenticationRequestHasNewDeviceUsed() {
        JsonNode request = PostAuthenticationCall.INSTANCE.request(new PostAuthenticationEvent(
                context("1", "PostAuthentication_Authentication"), Map.of("sub", "s"), Map.of("k", "v"), true));

        assertThat(request.path("newDeviceUsed").isBoolean()).isTrue();
        assertThat(request.path("newDeviceUsed").booleanValue()).isTrue();
        assertThat(request.path("clientMetadata").path("k").asText()).isEqualTo("v");
        assertThat(request.has("validationData")).isFalse();
    }

    @Test
    void userMigrationRequestCarriesThePasswordOnlyForAuthentication() {
        JsonNode signIn = UserMigrationCall.INSTANCE.request(new UserMigrationEvent(
                context("1", "UserMigration_Authentication"), Optional.of("Legacy-Pass-1"), Map.of("a", "b"),
                Map.of()));
        JsonNode reset = UserMigrationCall.INSTANCE.request(new UserMigrationEvent(
                context("1", "UserMigration_ForgotPassword"), Optional.empty(), Map.of(), Map.of("c", "d")));

        assertThat(signIn.path("password").asText()).isEqualTo("Legacy-Pass-1");
        assertThat(signIn.path("validationData").path("a").asText()).isEqualTo("b");
        assertThat(reset.has("password")).isFalse();
        assertThat(reset.path("clientMetadata").path("c").asText()).isEqualTo("d");
        assertThat(new UserMigrationEvent(context("1", "UserMigration_Authentication"), Optional.of("secret"),
                Map.of(), Map.of()).toString()).doesNotContain("secret");
    }

    @Test
    void userMigrationResponseIsReadAndCheckedStrictly() throws TriggerFailure {
        UserMigrationResponse response = UserMigrationCall.INSTANCE.response(json("""
                {"userAttributes": {"email": "j@example.com", "email_verified": "true"},
                 "finalUserStatus": "RESET_REQUIRED", "messageAction": "SUPPRESS",
                 "desiredDeliveryMediums": ["EMAIL"], "forceAliasCreation": true}"""));

        assertThat(response.userAttributes()).containsEntry("email_verified", "true");
        assertThat(response.finalUserStatus()).hasValue("RESET_REQUIRED");
        assertThat(response.messageAction()).hasValue("SUPPRESS");
        assertThat(response.desiredDeliveryMediums()).containsExactly("EMAIL");
        assertThat(response.forceAliasCreation()).isTrue();
        assertThat(UserMigrationCall.INSTANCE.response(json("{}")).finalUserStatus()).isEmpty();
        assertThatThrownBy(() -> UserMigrationCall.INSTANCE.response(json("{\"finalUserStatus\":\"ARCHIVED\"}")))
                .isInstanceOf(TriggerFailure.class);
        assertThatThrownBy(() -> UserMigrationCall.INSTANCE.response(json("{\"userAttributes\":{\"age\":3}}")))
                .isInstanceOf(TriggerFailure.class);
        assertThatThrownBy(() -> UserMigrationCall.INSTANCE.response(json(
                "{\"desiredDeliveryMediums\":[\"PIGEON\"]}"))).isInstanceOf(TriggerFailure.class);
    }

    private static PreTokenGenerationEvent tokenEvent(String version) {
        return new PreTokenGenerationEvent(context(version, "TokenGeneration_Authentication"), Map.of("sub", "s"),
                new GroupConfiguration(List.of("admins"), List.of("arn:aws:iam::1:role/a"), Optional.empty()),
                List.of("aws.cognito.signin.user.admin"), Map.of());
    }

    @Test
    void preTokenGenerationV1RequestHasNoScopesAndANullPreferredRole() {
        JsonNode request = PreTokenGenerationCall.forVersion("1").request(tokenEvent("1"));

        assertThat(request.has("scopes")).isFalse();
        assertThat(request.path("groupConfiguration").path("groupsToOverride").get(0).asText()).isEqualTo("admins");
        assertThat(request.path("groupConfiguration").path("iamRolesToOverride").size()).isOne();
        assertThat(request.path("groupConfiguration").path("preferredRole").isNull()).isTrue();
    }

    @Test
    void preTokenGenerationV2AndV3RequestsHaveScopes() {
        assertThat(PreTokenGenerationCall.forVersion("2").request(tokenEvent("2")).path("scopes").get(0).asText())
                .isEqualTo("aws.cognito.signin.user.admin");
        assertThat(PreTokenGenerationCall.forVersion("3")).isSameAs(PreTokenGenerationCall.V2_AND_V3);
    }

    @Test
    void preTokenGenerationV1ReadsClaimsOverrideDetailsForTheIdTokenOnly() throws TriggerFailure {
        PreTokenGenerationResponse response = PreTokenGenerationCall.V1.response(json("""
                {"claimsOverrideDetails": {"claimsToAddOrOverride": {"tier": "gold", "level": 3},
                  "claimsToSuppress": ["email"],
                  "groupOverrideDetails": {"groupsToOverride": [], "preferredRole": "arn:r"}},
                 "claimsAndScopeOverrideDetails": {"accessTokenGeneration": {"scopesToAdd": ["x"]}}}"""));

        assertThat(response.idToken().claimsToAddOrOverride()).containsEntry("tier", "gold")
                .containsEntry("level", 3);
        assertThat(response.idToken().claimsToSuppress()).containsExactly("email");
        assertThat(response.accessToken().scopesToAdd()).isEmpty();
        assertThat(response.groupOverrides()).hasValueSatisfying(g -> {
            assertThat(g.groupsToOverride()).isEmpty();
            assertThat(g.preferredRole()).hasValue("arn:r");
        });
        assertThat(PreTokenGenerationCall.V1.response(json("{\"claimsOverrideDetails\":null}")).groupOverrides())
                .isEmpty();
    }

    @Test
    void preTokenGenerationV2ReadsBothTokensScopesAndKeepsClaimTypes() throws TriggerFailure {
        PreTokenGenerationResponse response = PreTokenGenerationCall.V2_AND_V3.response(json("""
                {"claimsAndScopeOverrideDetails": {
                   "idTokenGeneration": {"claimsToAddOrOverride": {"flag": true, "tags": ["a", "b"],
                     "profile": {"team": "red"}, "ratio": 0.5}},
                   "accessTokenGeneration": {"claimsToAddOrOverride": {"tenant": "t1"}, "claimsToSuppress": ["x"],
                     "scopesToAdd": ["photos/read"], "scopesToSuppress": ["aws.cognito.signin.user.admin"]}},
                 "claimsOverrideDetails": {"claimsToAddOrOverride": {"v1": "ignored"}}}"""));

        assertThat(response.idToken().claimsToAddOrOverride()).containsEntry("flag", true)
                .containsEntry("tags", List.of("a", "b")).containsEntry("profile", Map.of("team", "red"))
                .doesNotContainKey("v1");
        assertThat(((Number) response.idToken().claimsToAddOrOverride().get("ratio")).doubleValue()).isEqualTo(0.5);
        assertThat(response.accessToken().claimsToAddOrOverride()).containsEntry("tenant", "t1");
        assertThat(response.accessToken().scopesToAdd()).containsExactly("photos/read");
        assertThat(response.accessToken().scopesToSuppress()).containsExactly("aws.cognito.signin.user.admin");
        assertThat(response.groupOverrides()).isEmpty();
    }

    @Test
    void preTokenGenerationAnswerOfTheWrongShapeIsUnreadable() {
        assertThatThrownBy(() -> PreTokenGenerationCall.V2_AND_V3.response(json(
                "{\"claimsAndScopeOverrideDetails\": \"yes\"}"))).isInstanceOf(TriggerFailure.class);
        assertThatThrownBy(() -> PreTokenGenerationCall.V1.response(json(
                "{\"claimsOverrideDetails\": {\"claimsToSuppress\": \"email\"}}"))).isInstanceOf(TriggerFailure.class);
        assertThatThrownBy(() -> PreTokenGenerationCall.V2_AND_V3.response(json(
                "{\"claimsAndScopeOverrideDetails\": {\"accessTokenGeneration\": {\"scopesToAdd\": [1]}}}")))
                .isInstanceOf(TriggerFailure.class);
    }
}
