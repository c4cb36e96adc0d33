package io.gatehouse.engine.trigger.calls;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatehouse.api.trigger.CustomMessageEvent;
import io.gatehouse.api.trigger.CustomMessageResponse;
import io.gatehouse.api.trigger.CustomSenderEvent;
import io.gatehouse.api.trigger.PostConfirmationEvent;
import io.gatehouse.api.trigger.TriggerContext;
import io.gatehouse.api.trigger.TriggerKind;
import io.gatehouse.engine.json.Json;
import io.gatehouse.engine.trigger.TriggerFailure;
import io.gatehouse.engine.trigger.TriggerJson;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The JSON of PostConfirmation, CustomMessage and the custom senders, as Cognito's events have it. */
class SignUpAndMessageCallsTest {

    private static TriggerContext context(String source) {
        return new TriggerContext("1", source, "us-east-1", "us-east-1_Pool", "amy",
                new TriggerContext.CallerContext("aws-sdk-unknown-unknown", "client1"));
    }

    private static JsonNode json(String text) throws Exception {
        return Json.MAPPER.readTree(text);
    }

    @Test
    void postConfirmationRequestHoldsAttributesAndClientMetadataOnly() throws Exception {
        PostConfirmationEvent event = new PostConfirmationEvent(context("PostConfirmation_ConfirmSignUp"),
                Map.of("sub", "s-1", "cognito:user_status", "CONFIRMED", "email", "amy@example.com"),
                Map.of("k", "v"));

        JsonNode sent = TriggerJson.event(PostConfirmationCall.INSTANCE.context(event),
                PostConfirmationCall.INSTANCE.request(event));

        assertThat(sent).isEqualTo(json("""
                {"version":"1","triggerSource":"PostConfirmation_ConfirmSignUp","region":"us-east-1",
                 "userPoolId":"us-east-1_Pool","userName":"amy",
                 "callerContext":{"awsSdkVersion":"aws-sdk-unknown-unknown","clientId":"client1"},
                 "request":{"userAttributes":{"sub":"s-1","cognito:user_status":"CONFIRMED",
                                              "email":"amy@example.com"},
                            "clientMetadata":{"k":"v"}},
                 "response":{}}"""));
        assertThat(PostConfirmationCall.INSTANCE.kind()).isEqualTo(TriggerKind.POST_CONFIRMATION);
        assertThat(PostConfirmationCall.INSTANCE.response(json("{\"anything\":1}"))).isNull();
    }

    @Test
    void customMessageRequestHasTheCodeParameterAndNullLinkAndUsernameParametersOutsideInvitations()
            throws Exception {
        CustomMessageEvent event = new CustomMessageEvent(context("CustomMessage_SignUp"), Map.of("sub", "s-1"),
                "{####}", Optional.empty(), Map.of());

        JsonNode request = CustomMessageCall.INSTANCE.request(event);

        assertThat(request).isEqualTo(json("""
                {"userAttributes":{"sub":"s-1"},"codeParameter":"{####}","linkParameter":null,
                 "usernameParameter":null,"clientMetadata":{}}"""));
    }

    @Test
    void customMessageRequestOfAnInvitationHasTheUsernameParameter() {
        CustomMessageEvent event = new CustomMessageEvent(context("CustomMessage_AdminCreateUser"), Map.of(),
                "{####}", Optional.of("{username}"), Map.of("from", "console"));

        JsonNode request = CustomMessageCall.INSTANCE.request(event);

        assertThat(request.path("usernameParameter").asText()).isEqualTo("{username}");
        assertThat(request.path("clientMetadata").path("from").asText()).isEqualTo("console");
    }

    @Test
    void customMessageResponseReadsEachMessageAndAbsentOrNullKeepsThePools() throws Exception {
        CustomMessageResponse written = CustomMessageCall.INSTANCE.response(json(
                "{\"smsMessage\":\"Code {####}\",\"emailMessage\":null}"));

        assertThat(written.smsMessage()).contains("Code {####}");
        assertThat(written.emailMessage()).isEmpty();
        assertThat(written.emailSubject()).isEmpty();
    }

    @Test
    void customMessageResponseWhenAMessageIsNoStringThenInvalidResponse() {
        assertThatThrownBy(() -> CustomMessageCall.INSTANCE.response(json("{\"emailMessage\":42}")))
                .isInstanceOf(TriggerFailure.class)
                .satisfies(e -> assertThat(((TriggerFailure) e).kind())
                        .isEqualTo(TriggerFailure.Kind.INVALID_RESPONSE));
    }

    @Test
    void customSenderRequestsAreCognitosV1WithTheEncryptedCodeOrNull() throws Exception {
        CustomSenderEvent email = new CustomSenderEvent(context("CustomEmailSender_SignUp"), Map.of("sub", "s-1"),
                CustomSenderCall.EMAIL.type(), Optional.of("eyJ.jwe"), Map.of("a", "b"));
        CustomSenderEvent sms = new CustomSenderEvent(context("CustomSMSSender_ForgotPassword"), Map.of(),
                CustomSenderCall.SMS.type(), Optional.empty(), Map.of());

        assertThat(CustomSenderCall.EMAIL.request(email)).isEqualTo(json("""
                {"type":"customEmailSenderRequestV1","code":"eyJ.jwe","clientMetadata":{"a":"b"},
                 "userAttributes":{"sub":"s-1"}}"""));
        assertThat(CustomSenderCall.SMS.request(sms)).isEqualTo(json("""
                {"type":"customSMSSenderRequestV1","code":null,"clientMetadata":{},"userAttributes":{}}"""));
        assertThat(CustomSenderCall.EMAIL.kind()).isEqualTo(TriggerKind.CUSTOM_EMAIL_SENDER);
        assertThat(CustomSenderCall.SMS.kind()).isEqualTo(TriggerKind.CUSTOM_SMS_SENDER);
        assertThat(CustomSenderCall.SMS.name()).isEqualTo("CustomSMSSender");
    }
}
