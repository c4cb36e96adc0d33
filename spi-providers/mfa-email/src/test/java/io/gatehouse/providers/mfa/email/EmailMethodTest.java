package io.gatehouse.providers.mfa.email;

import io.gatehouse.api.message.Channel;
import io.gatehouse.api.message.OutboundMessage;
import io.gatehouse.api.mfa.ChallengeSettings;
import io.gatehouse.api.mfa.IssuedChallenge;
import io.gatehouse.api.mfa.MfaMethod;
import io.gatehouse.api.mfa.MfaMethodContext;
import io.gatehouse.api.mfa.MfaMethodFactory;
import io.gatehouse.api.mfa.MfaUser;
import io.gatehouse.api.provider.ProviderConfig;
import io.gatehouse.api.testing.MfaMethodContract;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The contract, with answers read from the mails sent, and what is particular to EMAIL_OTP. */
class EmailMethodTest extends MfaMethodContract {

    @Override
    protected MfaMethodFactory factory() {
        return new EmailMethodFactory();
    }

    @Override
    protected String rightAnswer(AnswerSource source) {
        return source.codeInLastMessage();
    }

    @Test
    void usableByWhenEmailThenUsableAndWithoutThenNot() {
        assertEquals(MfaMethod.EMAIL_OTP, method.name());
        assertEquals(Optional.of("email"), method.deliveryAttribute());
        assertTrue(method.usableBy(new MfaUser(POOL, "4", "dan", Map.of("email", "dan@example.com"))));
        assertFalse(method.usableBy(new MfaUser(POOL, "5", "eve", Map.of("phone_number", "+12065550000"))));
        assertFalse(method.usableBy(new MfaUser(POOL, "6", "fay", Map.of("email", "  "))));
    }

    @Test
    void issueWhenDefaultsThenMailToTheAddressWithSubjectCodeSecretAndMaskedDestination() throws Exception {
        IssuedChallenge challenge = method.issue(user(), Optional.empty(), ChallengeSettings.defaults());

        OutboundMessage mail = channel.last();
        String code = rightAnswer(new AnswerSource(Optional.empty(), channel.sent(), clock.instant()));
        assertEquals(Channel.EMAIL, mail.channel());
        assertEquals("alice@example.com", mail.destination());
        assertEquals(Optional.of("Your authentication code"), mail.subject());
        assertEquals("Your authentication code is " + code + ". ", mail.body());
        assertEquals(List.of(code), mail.secrets());
        assertEquals(Map.of("CODE_DELIVERY_DELIVERY_MEDIUM", "EMAIL", "CODE_DELIVERY_DESTINATION", "a***@e***"),
                challenge.parameters());
    }

    @Test
    void issueWhenPoolSetsSubjectAndMessageThenTheyWinOverOptions() throws Exception {
        MfaMethodFactory configured = new EmailMethodFactory();
        configured.init(new ProviderConfig(Map.of("subject", "Server subject", "message", "Server {####}")));
        MfaMethod email = configured.create(MfaMethodContext.of(Optional.of(POOL), clock, sealer, channel));

        email.issue(user(), Optional.empty(), ChallengeSettings.defaults());
        assertEquals(Optional.of("Server subject"), channel.last().subject());
        assertTrue(channel.last().body().matches("Server \\d{6}"), channel.last().body());

        email.issue(user(), Optional.empty(), new ChallengeSettings(Optional.empty(),
                Optional.of("<p>Your Acme code: {####}</p>"), Optional.of("Acme code")));
        assertEquals(Optional.of("Acme code"), channel.last().subject());
        assertTrue(channel.last().body().matches("<p>Your Acme code: \\d{6}</p>"), channel.last().body());
    }
}
