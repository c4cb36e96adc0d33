package io.gatehouse.engine.trigger.calls;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatehouse.api.trigger.ChallengeResult;
import io.gatehouse.api.trigger.CreateAuthChallengeEvent;
import io.gatehouse.api.trigger.CreateAuthChallengeResponse;
import io.gatehouse.api.trigger.DefineAuthChallengeEvent;
import io.gatehouse.api.trigger.DefineAuthChallengeResponse;
import io.gatehouse.api.trigger.TriggerContext;
import io.gatehouse.api.trigger.TriggerKind;
import io.gatehouse.api.trigger.VerifyAuthChallengeResponseEvent;
import io.gatehouse.engine.json.Json;
import io.gatehouse.engine.trigger.TriggerFailure;
import io.gatehouse.engine.trigger.TriggerJson;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The custom sign-in's three triggers as Cognito's JSON: what each event's request holds, what is read back. */
class CustomAuthCallsTest {

    private static final TriggerContext DEFINE = context("DefineAuthChallenge_Authentication");
    private static final List<ChallengeResult> SESSION = List.of(
            new ChallengeResult("SRP_A", true, Optional.empty()),
            new ChallengeResult("PASSWORD_VERIFIER", true, Optional.empty()),
            new ChallengeResult("CUSTOM_CHALLENGE", false, Optional.of("CAPTCHA-1")));

    private static TriggerContext context(String source) {
        return new TriggerContext("1", source, "us-east-1", "us-east-1_Abc", "amy",
                new TriggerContext.CallerContext("aws-sdk-unknown-unknown", "client1"));
    }

    private static JsonNode answer(String json) {
        return Json.parse(json);
    }

    @Test
    void defineRequestWhenStepsSoFarThenCognitosSessionArrayWithNullMetadata() {
        JsonNode request = DefineAuthChallengeCall.INSTANCE.request(new DefineAuthChallengeEvent(DEFINE,
                Map.of("sub", "s-1", "email", "amy@example.com"), SESSION, Map.of("app", "web"), false));

        assertThat(request.path("userAttributes").path("email").asText()).isEqualTo("amy@example.com");
        assertThat(request.path("session")).hasSize(3);
        assertThat(request.path("session").get(0).path("challengeName").asText()).isEqualTo("SRP_A");
        assertThat(request.path("session").get(0).path("challengeResult").isBoolean()).isTrue();
        assertThat(request.path("session").get(0).has("challengeMetadata")).isTrue();
        assertThat(request.path("session").get(0).path("challengeMetadata").isNull()).isTrue();
        assertThat(request.path("session").get(2).path("challengeResult").asBoolean()).isFalse();
        assertThat(request.path("session").get(2).path("challengeMetadata").asText()).isEqualTo("CAPTCHA-1");
        assertThat(request.path("clientMetadata").path("app").asText()).isEqualTo("web");
        assertThat(request.path("userNotFound").isBoolean()).isTrue();
        assertThat(request.path("userNotFound").asBoolean()).isFalse();
    }

    @Test
    void defineRequestWhenNoClientMetadataThenTheMemberIsLeftOutAsCognitoDoes() {
        JsonNode request = DefineAuthChallengeCall.INSTANCE.request(new DefineAuthChallengeEvent(DEFINE, Map.of(),
                List.of(), Map.of(), true));

        assertThat(request.has("clientMetadata")).isFalse();
        assertThat(request.path("session").isArray()).isTrue();
        assertThat(request.path("session")).isEmpty();
        assertThat(request.path("userNotFound").asBoolean()).isTrue();
    }

    @Test
    void defineEventWhenSentThenTheEnvelopeAndAnEmptyResponse() {
        var event = new DefineAuthChallengeEvent(DEFINE, Map.of(), List.of(), Map.of(), false);
        JsonNode json = TriggerJson.event(DefineAuthChallengeCall.INSTANCE.context(event),
                DefineAuthChallengeCall.INSTANCE.request(event));

        assertThat(json.path("triggerSource").asText()).isEqualTo("DefineAuthChallenge_Authentication");
        assertThat(json.path("userName").asText()).isEqualTo("amy");
        assertThat(json.path("callerContext").path("clientId").asText()).isEqualTo("client1");
        assertThat(json.path("response").isObject()).isTrue();
        assertThat(DefineAuthChallengeCall.INSTANCE.kind()).isEqualTo(TriggerKind.DEFINE_AUTH_CHALLENGE);
        assertThat(DefineAuthChallengeCall.INSTANCE.name()).isEqualTo("DefineAuthChallenge");
    }

    @Test
    void defineResponseWhenAChallengeThenReadAndAbsentFlagsAreFalse() throws TriggerFailure {
        DefineAuthChallengeResponse next = DefineAuthChallengeCall.INSTANCE.response(answer(
                "{\"challengeName\":\"CUSTOM_CHALLENGE\"}"));
        assertThat(next).isEqualTo(new DefineAuthChallengeResponse(Optional.of("CUSTOM_CHALLENGE"), false, false));

        DefineAuthChallengeResponse done = DefineAuthChallengeCall.INSTANCE.response(answer(
                "{\"challengeName\":null,\"issueTokens\":true,\"failAuthentication\":false}"));
        assertThat(done).isEqualTo(new DefineAuthChallengeResponse(Optional.empty(), true, false));
    }

    @Test
    void defineResponseWhenAFlagIsNotABooleanThenInvalidResponse() {
        assertThatThrownBy(() -> DefineAuthChallengeCall.INSTANCE.response(answer("{\"issueTokens\":\"true\"}")))
                .isInstanceOf(TriggerFailure.class)
                .satisfies(e -> assertThat(((TriggerFailure) e).kind()).isEqualTo(TriggerFailure.Kind.INVALID_RESPONSE));
        assertThatThrownBy(() -> DefineAuthChallengeCall.INSTANCE.response(answer("{\"challengeName\":3}")))
                .isInstanceOf(TriggerFailure.class);
    }

    @Test
    void createRequestWhenMadeThenChallengeNameSessionAndUserNotFound() {
        JsonNode request = CreateAuthChallengeCall.INSTANCE.request(new CreateAuthChallengeEvent(
                context("CreateAuthChallenge_Authentication"), Map.of("sub", "s-1"), "CUSTOM_CHALLENGE", SESSION,
                Map.of(), false));

        assertThat(request.path("challengeName").asText()).isEqualTo("CUSTOM_CHALLENGE");
        assertThat(request.path("session")).hasSize(3);
        assertThat(request.path("userAttributes").path("sub").asText()).isEqualTo("s-1");
        assertThat(request.has("clientMetadata")).isFalse();
        assertThat(request.path("userNotFound").asBoolean()).isFalse();
    }

    @Test
    void createResponseWhenParametersThenBothMapsAndTheMetadata() throws TriggerFailure {
        CreateAuthChallengeResponse created = CreateAuthChallengeCall.INSTANCE.response(answer(
                "{\"publicChallengeParameters\":{\"question\":\"2+2?\"},"
                        + "\"privateChallengeParameters\":{\"answer\":\"4\"},\"challengeMetadata\":\"MATH\"}"));

        assertThat(created.publicChallengeParameters()).containsExactly(Map.entry("question", "2+2?"));
        assertThat(created.privateChallengeParameters()).containsExactly(Map.entry("answer", "4"));
        assertThat(created.challengeMetadata()).contains("MATH");
        assertThat(created.toString()).doesNotContain("4");
    }

    @Test
    void createResponseWhenEmptyThenNoParametersAndWhenNotStringsThenInvalid() throws TriggerFailure {
        CreateAuthChallengeResponse empty = CreateAuthChallengeCall.INSTANCE.response(answer("{}"));
        assertThat(empty.publicChallengeParameters()).isEmpty();
        assertThat(empty.challengeMetadata()).isEmpty();

        assertThatThrownBy(() -> CreateAuthChallengeCall.INSTANCE.response(answer(
                "{\"privateChallengeParameters\":{\"answer\":4}}"))).isInstanceOf(TriggerFailure.class);
        assertThatThrownBy(() -> CreateAuthChallengeCall.INSTANCE.response(answer(
                "{\"publicChallengeParameters\":\"2+2?\"}"))).isInstanceOf(TriggerFailure.class);
    }

    @Test
    void verifyRequestWhenAnsweredThenPrivateParametersAndTheAnswer() {
        JsonNode request = VerifyAuthChallengeResponseCall.INSTANCE.request(new VerifyAuthChallengeResponseEvent(
                context("VerifyAuthChallengeResponse_Authentication"), Map.of("sub", "s-1"), Map.of("answer", "4"),
                "5", Map.of("device", "phone"), true));

        assertThat(request.path("privateChallengeParameters").path("answer").asText()).isEqualTo("4");
        assertThat(request.path("challengeAnswer").asText()).isEqualTo("5");
        assertThat(request.path("clientMetadata").path("device").asText()).isEqualTo("phone");
        assertThat(request.path("userNotFound").asBoolean()).isTrue();
        assertThat(request.has("session")).isFalse();
    }

    @Test
    void verifyResponseWhenAnswerCorrectThenReadAndAbsentIsWrong() throws TriggerFailure {
        assertThat(VerifyAuthChallengeResponseCall.INSTANCE.response(answer("{\"answerCorrect\":true}"))
                .answerCorrect()).isTrue();
        assertThat(VerifyAuthChallengeResponseCall.INSTANCE.response(answer("{}")).answerCorrect()).isFalse();
        assertThatThrownBy(() -> VerifyAuthChallengeResponseCall.INSTANCE.response(answer(
                "{\"answerCorrect\":\"yes\"}"))).isInstanceOf(TriggerFailure.class);
    }
}
