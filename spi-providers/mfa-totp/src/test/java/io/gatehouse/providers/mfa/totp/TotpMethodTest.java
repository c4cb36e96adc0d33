package io.gatehouse.providers.mfa.totp;

import io.gatehouse.api.mfa.ChallengeSettings;
import io.gatehouse.api.mfa.Enrolment;
import io.gatehouse.api.mfa.EnrolmentSettings;
import io.gatehouse.api.mfa.IssuedChallenge;
import io.gatehouse.api.mfa.MfaMethod;
import io.gatehouse.api.mfa.MfaMethodFactory;
import io.gatehouse.api.mfa.Verification.Outcome;
import io.gatehouse.api.provider.ProviderConfig;
import io.gatehouse.api.provider.ProviderInitializationException;
import io.gatehouse.api.testing.MfaMethodContract;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The contract, with answers from an independent authenticator app, and what is particular to TOTP. */
class TotpMethodTest extends MfaMethodContract {

    private static final Duration STEP = Duration.ofSeconds(30);

    @Override
    protected MfaMethodFactory factory() {
        return new TotpMethodFactory();
    }

    @Override
    protected String rightAnswer(AnswerSource source) {
        return AuthenticatorApp.code(source.enrolment().orElseThrow().shown().get(Enrolment.SECRET_CODE),
                source.now());
    }

    @Override
    protected Duration answerInterval() {
        return STEP;
    }

    @Test
    void nameWhenAskedThenCognitosSoftwareTokenMfa() {
        assertEquals(MfaMethod.SOFTWARE_TOKEN_MFA, method.name());
        assertTrue(method.usableBy(bareUser()));
        assertEquals(Optional.empty(), method.deliveryAttribute());
    }

    @Test
    void startEnrolmentWhenStartedThen160BitBase32SecretAndKeyUri() {
        Enrolment enrolment = method.startEnrolment(user(), new EnrolmentSettings("Acme Corp", "alice@example.com"));

        String secretCode = enrolment.shown().get(Enrolment.SECRET_CODE);
        assertTrue(secretCode.matches("[A-Z2-7]{32}"), secretCode);
        assertEquals(20, AuthenticatorApp.base32(secretCode).length);
        assertEquals("otpauth://totp/Acme%20Corp:alice%40example.com?secret=" + secretCode
                        + "&issuer=Acme%20Corp&algorithm=SHA1&digits=6&period=30",
                enrolment.shown().get(Enrolment.OTPAUTH_URI));
    }

    @Test
    void verifyWhenCodeOfNeighbouringStepThenValidAndTwoStepsAwayThenWrong() throws Exception {
        Enrolled enrolled = enrol(user());
        String secretCode = enrolled.enrolment().orElseThrow().shown().get(Enrolment.SECRET_CODE);
        Instant now = clock.instant();

        assertEquals(Outcome.VALID, answer(enrolled.state(), AuthenticatorApp.code(secretCode, now.plus(STEP))));
        assertEquals(Outcome.WRONG, answer(enrolled.state(),
                AuthenticatorApp.code(secretCode, now.plus(STEP.multipliedBy(3)))));
    }

    @Test
    void verifyWhenLaterCodeAcceptedThenEarlierCodeOfTheWindowRefused() throws Exception {
        Enrolled enrolled = enrol(user());
        String secretCode = enrolled.enrolment().orElseThrow().shown().get(Enrolment.SECRET_CODE);
        Instant now = clock.instant();
        IssuedChallenge challenge = method.issue(user(), enrolled.state(), ChallengeSettings.defaults());
        String updated = method.verify(user(), enrolled.state(), challenge.challengeState(),
                AuthenticatorApp.code(secretCode, now.plus(STEP))).updatedEnrolmentState().orElseThrow();

        assertEquals(Outcome.WRONG, answer(Optional.of(updated), AuthenticatorApp.code(secretCode, now)));
    }

    @Test
    void completeEnrolmentWhenConfirmingCodeReusedForSignInThenWrong() throws Exception {
        Enrolment enrolment = method.startEnrolment(user(), new EnrolmentSettings("Acme", "alice"));
        String code = AuthenticatorApp.code(enrolment.shown().get(Enrolment.SECRET_CODE), clock.instant());
        Optional<String> state = method.completeEnrolment(user(), enrolment.pendingState(), code);

        assertEquals(Outcome.WRONG, answer(state, code));
    }

    @Test
    void verifyWhenWindowOptionZeroThenOnlyTheCurrentStep() throws Exception {
        MfaMethodFactory strict = new TotpMethodFactory();
        strict.init(new ProviderConfig(Map.of("window", "0")));
        method = strict.create(io.gatehouse.api.mfa.MfaMethodContext.of(Optional.of(POOL), clock, sealer, channel));
        Enrolled enrolled = enrol(user());
        String secretCode = enrolled.enrolment().orElseThrow().shown().get(Enrolment.SECRET_CODE);

        assertEquals(Outcome.WRONG,
                answer(enrolled.state(), AuthenticatorApp.code(secretCode, clock.instant().plus(STEP))));
        assertEquals(Outcome.VALID, answer(enrolled.state(), AuthenticatorApp.code(secretCode, clock.instant())));
    }

    @Test
    void verifyWhenAnswerMalformedThenWrong() throws Exception {
        Enrolled enrolled = enrol(user());

        assertEquals(Outcome.WRONG, answer(enrolled.state(), "12345"));
        assertEquals(Outcome.WRONG, answer(enrolled.state(), "abcdef"));
        assertEquals(Outcome.WRONG, answer(enrolled.state(), ""));
    }

    @Test
    void initWhenOptionsOutOfRangeThenRefused() {
        assertThrows(ProviderInitializationException.class,
                () -> new TotpMethodFactory().init(new ProviderConfig(Map.of("window", "9"))));
        assertThrows(ProviderInitializationException.class,
                () -> new TotpMethodFactory().init(new ProviderConfig(Map.of("code-validity-seconds", "5"))));
        assertThrows(ProviderInitializationException.class,
                () -> new TotpMethodFactory().init(new ProviderConfig(Map.of("window", "one"))));
    }

    private Outcome answer(Optional<String> enrolmentState, String code) throws Exception {
        IssuedChallenge challenge = method.issue(user(), enrolmentState, ChallengeSettings.defaults());
        return method.verify(user(), enrolmentState, challenge.challengeState(), code).outcome();
    }
}
