package io.gatehouse.providers.mfa.sms;

import io.gatehouse.api.message.Channel;
import io.gatehouse.api.message.OutboundMessage;
import io.gatehouse.api.mfa.ChallengeSettings;
import io.gatehouse.api.mfa.IssuedChallenge;
import io.gatehouse.api.mfa.MfaMethod;
import io.gatehouse.api.mfa.MfaMethodContext;
import io.gatehouse.api.mfa.MfaMethodFactory;
import io.gatehouse.api.mfa.MfaUser;
import io.gatehouse.api.mfa.Verification.Outcome;
import io.gatehouse.api.provider.ProviderConfig;
import io.gatehouse.api.provider.ProviderInitializationException;
import io.gatehouse.api.testing.MfaMethodContract;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The contract, with answers read from the texts sent, and what is particular to SMS_MFA. */
class SmsMethodTest extends MfaMethodContract {

    @Override
    protected MfaMethodFactory factory() {
        return new SmsMethodFactory();
    }

    @Override
    protected String rightAnswer(AnswerSource source) {
        return source.codeInLastMessage();
    }

    @Test
    void usableByWhenPhoneNumberEvenUnverifiedThenUsable() {
        MfaUser unverified = new MfaUser(POOL, "44444444-4444-4444-8444-444444444444", "dan",
                Map.of("phone_number", "+12065550000", "phone_number_verified", "false"));

        assertEquals(MfaMethod.SMS_MFA, method.name());
        assertEquals(Optional.of("phone_number"), method.deliveryAttribute());
        assertTrue(method.usableBy(unverified));
        assertFalse(method.usableBy(new MfaUser(POOL, "5", "eve", Map.of("email", "eve@example.com"))));
    }

    @Test
    void issueWhenDefaultsThenCognitosTextToThePhoneWithTheCodeSecretAndMaskedDestination() throws Exception {
        IssuedChallenge challenge = method.issue(user(), Optional.empty(), ChallengeSettings.defaults());

        OutboundMessage text = channel.last();
        String code = rightAnswer(new AnswerSource(Optional.empty(), channel.sent(), clock.instant()));
        assertEquals(Channel.SMS, text.channel());
        assertEquals("+12065551234", text.destination());
        assertEquals(Optional.empty(), text.subject());
        assertEquals("Your authentication code is " + code + ". ", text.body());
        assertEquals(List.of(code), text.secrets());
        assertEquals(Map.of("CODE_DELIVERY_DELIVERY_MEDIUM", "SMS", "CODE_DELIVERY_DESTINATION", "+*******1234"),
                challenge.parameters());
    }

    @Test
    void issueWhenPoolSetsMessageAndValidityThenUsed() throws Exception {
        ChallengeSettings pool = new ChallengeSettings(Optional.of(Duration.ofMinutes(10)),
                Optional.of("Acme sign-in code: {####}"), Optional.of("ignored for SMS"));

        IssuedChallenge challenge = method.issue(user(), Optional.empty(), pool);
        String code = rightAnswer(new AnswerSource(Optional.empty(), channel.sent(), clock.instant()));
        clock.advance(Duration.ofMinutes(9));

        assertEquals("Acme sign-in code: " + code, channel.last().body());
        assertEquals(Optional.empty(), channel.last().subject());
        assertEquals(Outcome.VALID, method.verify(user(), Optional.empty(), challenge.challengeState(),
                " " + code + " ").outcome());
    }

    @Test
    void initWhenOptionsGivenThenDefaultsReplacedAndBadMessageRefused() throws Exception {
        MfaMethodFactory configured = new SmsMethodFactory();
        configured.init(new ProviderConfig(Map.of("message", "Code {####}", "code-validity-seconds", "60")));
        MfaMethod sms = configured.create(MfaMethodContext.of(Optional.of(POOL), clock, sealer, channel));

        IssuedChallenge challenge = sms.issue(user(), Optional.empty(), ChallengeSettings.defaults());
        clock.advance(Duration.ofSeconds(61));

        assertTrue(channel.last().body().matches("Code \\d{6}"), channel.last().body());
        assertEquals(Outcome.EXPIRED, sms.verify(user(), Optional.empty(), challenge.challengeState(), "000000")
                .outcome());
        assertThrows(ProviderInitializationException.class,
                () -> new SmsMethodFactory().init(new ProviderConfig(Map.of("message", "no placeholder"))));
    }
}
