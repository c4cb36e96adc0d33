package io.gatehouse.engine.messaging;

import io.gatehouse.api.message.Channel;
import io.gatehouse.api.trigger.CustomMessageResponse;
import io.gatehouse.engine.error.ServiceException;
import io.gatehouse.engine.json.Json;
import io.gatehouse.engine.userpool.UserPool;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a CustomMessage trigger's answer makes of a message: Cognito's placeholder rules. */
class CodeMessagesTest {

    private static final UserPool POOL = new UserPool("us-east-1_Pool", "p", Json.MAPPER.createObjectNode(),
            Instant.EPOCH, Instant.EPOCH);

    private static CodeMessage message(CodeMessage.Source source, Channel channel) {
        return CodeMessage.of(POOL, CodeMessage.Origin.of(source), "amy", Map.of(), channel, "amy@example.com",
                channel == Channel.EMAIL ? Optional.of("Pool subject") : Optional.empty(),
                new MessageTemplate("Pool text {####}"), "123456");
    }

    private static CustomMessageResponse written(String sms, String email, String subject) {
        return new CustomMessageResponse(Optional.ofNullable(sms), Optional.ofNullable(email),
                Optional.ofNullable(subject));
    }

    @Test
    void appliedWhenTheTriggerWritesTheEmailThenItsTextAndSubject() {
        CodeMessages.Composed composed = CodeMessages.applied(message(CodeMessage.Source.SIGN_UP, Channel.EMAIL),
                written(null, "<p>Welcome, your code is {####}</p>", "Welcome"));

        assertThat(composed.text().text()).isEqualTo("<p>Welcome, your code is {####}</p>");
        assertThat(composed.subject()).contains("Welcome");
    }

    @Test
    void appliedWhenTheTriggerWritesNothingForTheChannelThenThePoolsMessage() {
        CodeMessages.Composed email = CodeMessages.applied(message(CodeMessage.Source.FORGOT_PASSWORD,
                Channel.EMAIL), written("SMS only {####}", null, null));
        CodeMessages.Composed sms = CodeMessages.applied(message(CodeMessage.Source.AUTHENTICATION, Channel.SMS),
                written(null, "mail only {####}", "subject"));

        assertThat(email.text().text()).isEqualTo("Pool text {####}");
        assertThat(email.subject()).contains("Pool subject");
        assertThat(sms.text().text()).isEqualTo("Pool text {####}");
        assertThat(sms.subject()).isEmpty();
    }

    @Test
    void appliedWhenTheTextLacksTheCodeParameterThenInvalidLambdaResponse() {
        assertThatThrownBy(() -> CodeMessages.applied(message(CodeMessage.Source.RESEND_CODE, Channel.SMS),
                written("Your code is coming", null, null)))
                .isInstanceOf(ServiceException.class)
                .satisfies(e -> assertThat(((ServiceException) e).type()).isEqualTo("InvalidLambdaResponseException"))
                .hasMessageContaining("smsMessage").hasMessageContaining("{####}");
    }

    @Test
    void appliedWhenAnInvitationLacksTheUsernameParameterThenInvalidLambdaResponse() {
        CodeMessage invitation = message(CodeMessage.Source.ADMIN_CREATE_USER, Channel.EMAIL);

        assertThatThrownBy(() -> CodeMessages.applied(invitation, written(null, "Password {####}", null)))
                .isInstanceOf(ServiceException.class).hasMessageContaining("{username}");
        assertThat(CodeMessages.applied(invitation, written(null, "{username} / {####}", null)).text().text())
                .isEqualTo("{username} / {####}");
    }

    @Test
    void codeMessageNeverShowsTheCodeOrTheDestination() {
        assertThat(message(CodeMessage.Source.SIGN_UP, Channel.EMAIL).toString()).doesNotContain("123456")
                .doesNotContain("amy@example.com");
    }
}
