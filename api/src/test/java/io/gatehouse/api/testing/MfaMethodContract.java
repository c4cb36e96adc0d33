package io.gatehouse.api.testing;

import io.gatehouse.api.message.DeliveryException;
import io.gatehouse.api.message.OutboundMessage;
import io.gatehouse.api.mfa.ChallengeSettings;
import io.gatehouse.api.mfa.Enrolment;
import io.gatehouse.api.mfa.EnrolmentSettings;
import io.gatehouse.api.mfa.IssuedChallenge;
import io.gatehouse.api.mfa.MfaMethod;
import io.gatehouse.api.mfa.MfaMethodContext;
import io.gatehouse.api.mfa.MfaMethodFactory;
import io.gatehouse.api.mfa.MfaStateException;
import io.gatehouse.api.mfa.MfaUser;
import io.gatehouse.api.mfa.Verification;
import io.gatehouse.api.mfa.Verification.Outcome;
import io.gatehouse.api.provider.ProviderConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The contract every MFA method keeps (see {@link io.gatehouse.api.mfa}). A provider's test extends it, supplies
 * a new factory and says how a user finds the right answer; every test here runs the real method against a real
 * AES-GCM sealer ({@link AesGcmTestSealer}), a channel that captures messages ({@link CapturingCodeChannel}) and a
 * clock the test moves ({@link SettableClock}).
 *
 * <p>Refusals are exact: a state that does not open is {@link MfaStateException}, never WRONG; a precondition
 * broken by the caller is {@link IllegalArgumentException}.
 */
public abstract class MfaMethodContract {

    /** The pool of every user here. */
    protected static final String POOL = "us-east-1_Contract1";

    /** A whole minute, so 30-second time steps begin at it. */
    protected static final Instant START = Instant.parse("2026-03-01T12:00:00Z");

    private static final EnrolmentSettings LABELS = new EnrolmentSettings("Contract Suite", "alice");
    private static final Duration VALIDITY = Duration.ofMinutes(3);

    protected final SettableClock clock = new SettableClock(START);
    protected final AesGcmTestSealer sealer = new AesGcmTestSealer();
    protected final CapturingCodeChannel channel = new CapturingCodeChannel();
    protected MfaMethod method;
    private MfaMethodFactory factory;

    /** Where a user finds the right answer. */
    public record AnswerSource(Optional<Enrolment> enrolment, List<OutboundMessage> sent, Instant now) {

        /** The first run of six digits in the last message sent, as a user reads a code off a text or mail. */
        public String codeInLastMessage() {
            if (sent.isEmpty()) {
                throw new AssertionError("no message was sent");
            }
            Matcher code = SIX_DIGITS.matcher(sent.get(sent.size() - 1).body());
            if (!code.find()) {
                throw new AssertionError("the last message holds no six-digit code");
            }
            return code.group();
        }
    }

    private static final Pattern SIX_DIGITS = Pattern.compile("(?<!\\d)\\d{6}(?!\\d)");

    /** A new, uninitialised factory of the method under test. */
    protected abstract MfaMethodFactory factory();

    /**
     * The right answer now, found as the user finds it and never through the method under test: for TOTP computed
     * from the enrolment's shown secret with an independent implementation, for a code by message read from the
     * last message sent.
     */
    protected abstract String rightAnswer(AnswerSource source);

    /** The options the factory is initialised with. By default none. */
    protected ProviderConfig config() {
        return ProviderConfig.empty();
    }

    /**
     * How long a user waits before a new right answer exists after one was accepted: one time step for TOTP, which
     * accepts each code once. By default none.
     */
    protected Duration answerInterval() {
        return Duration.ZERO;
    }

    /** A wrong answer of the right shape. By default each digit of {@code right} moved by five. */
    protected String wrongAnswer(String right) {
        StringBuilder wrong = new StringBuilder(right.length());
        for (char c : right.toCharArray()) {
            wrong.append(Character.isDigit(c) ? (char) ('0' + (c - '0' + 5) % 10) : (char) (c == 'x' ? 'y' : 'x'));
        }
        return wrong.toString();
    }

    /** The user most tests serve: with a phone number (not yet verified) and a verified e-mail address. */
    protected MfaUser user() {
        return new MfaUser(POOL, "11111111-1111-4111-8111-111111111111", "alice", Map.of(
                "phone_number", "+12065551234", "phone_number_verified", "false",
                "email", "alice@example.com", "email_verified", "true"));
    }

    /** Another user of the same pool, with attributes of the same kinds. */
    protected MfaUser otherUser() {
        return new MfaUser(POOL, "22222222-2222-4222-8222-222222222222", "bob", Map.of(
                "phone_number", "+447700900123", "phone_number_verified", "true",
                "email", "bob@example.org", "email_verified", "true"));
    }

    /** A user with no attributes at all. */
    protected MfaUser bareUser() {
        return new MfaUser(POOL, "33333333-3333-4333-8333-333333333333", "carol", Map.of());
    }

    @BeforeEach
    void createMethod() throws Exception {
        factory = factory();
        factory.init(config());
        method = factory.create(MfaMethodContext.of(Optional.of(POOL), clock, sealer, channel));
    }

    @AfterEach
    void closeMethod() {
        method.close();
        factory.close();
    }

    @Test
    void verifyWhenRightAnswerThenValid() throws Exception {
        Enrolled enrolled = enrol(user());
        IssuedChallenge challenge = method.issue(user(), enrolled.state(), ChallengeSettings.defaults());

        Verification verification = method.verify(user(), enrolled.state(), challenge.challengeState(),
                answer(enrolled));

        assertEquals(Outcome.VALID, verification.outcome());
    }

    @Test
    void verifyWhenWrongAnswerThenWrongAndTheChallengeStillAnswerable() throws Exception {
        Enrolled enrolled = enrol(user());
        IssuedChallenge challenge = method.issue(user(), enrolled.state(), ChallengeSettings.defaults());
        String right = answer(enrolled);

        Verification wrong = method.verify(user(), enrolled.state(), challenge.challengeState(), wrongAnswer(right));

        assertEquals(Outcome.WRONG, wrong.outcome());
        assertTrue(wrong.updatedEnrolmentState().isEmpty());
        // Counting wrong answers is the engine's job: a method must not burn the challenge on its own.
        assertEquals(Outcome.VALID,
                method.verify(user(), enrolled.state(), challenge.challengeState(), right).outcome());
    }

    @Test
    void verifyWhenValidityPassedThenExpiredWhateverTheAnswer() throws Exception {
        Enrolled enrolled = enrol(user());
        IssuedChallenge challenge = method.issue(user(), enrolled.state(),
                ChallengeSettings.defaults().withCodeValidity(VALIDITY));
        String right = answer(enrolled);

        clock.advance(VALIDITY.plusSeconds(1));

        assertEquals(Outcome.EXPIRED,
                method.verify(user(), enrolled.state(), challenge.challengeState(), right).outcome());
        assertEquals(Outcome.EXPIRED,
                method.verify(user(), enrolled.state(), challenge.challengeState(), wrongAnswer(right)).outcome());
    }

    @Test
    void verifyWhenJustWithinValidityThenValid() throws Exception {
        Enrolled enrolled = enrol(user());
        IssuedChallenge challenge = method.issue(user(), enrolled.state(),
                ChallengeSettings.defaults().withCodeValidity(VALIDITY));

        clock.advance(VALIDITY.minusSeconds(1));

        assertEquals(Outcome.VALID,
                method.verify(user(), enrolled.state(), challenge.challengeState(), answer(enrolled)).outcome());
    }

    @Test
    void verifyWhenDefaultValidityPassedThenExpired() throws Exception {
        Enrolled enrolled = enrol(user());
        IssuedChallenge challenge = method.issue(user(), enrolled.state(), ChallengeSettings.defaults());
        String right = answer(enrolled);

        // No method's default outlasts a day; Cognito's is three minutes.
        clock.advance(Duration.ofDays(1));

        assertEquals(Outcome.EXPIRED,
                method.verify(user(), enrolled.state(), challenge.challengeState(), right).outcome());
    }

    @Test
    void verifyWhenAcceptedAnswerGivenAgainThenNeverValid() throws Exception {
        Enrolled enrolled = enrol(user());
        IssuedChallenge first = method.issue(user(), enrolled.state(), ChallengeSettings.defaults());
        String answer = answer(enrolled);
        Verification accepted = method.verify(user(), enrolled.state(), first.challengeState(), answer);
        assertEquals(Outcome.VALID, accepted.outcome());
        Optional<String> current = accepted.updatedEnrolmentState().or(enrolled::state);

        // The engine discards an answered challenge, so the replay comes with a new one, within the same moment.
        int sentBefore = channel.sent().size();
        IssuedChallenge second = method.issue(user(), current, ChallengeSettings.defaults());
        if (channel.sent().size() > sentBefore) {
            // A new code was sent: one in a million draws the same code again, which is no replay.
            Assumptions.assumeFalse(answer.equals(answer(enrolled)), "the new code happens to be the same");
        }

        assertNotEquals(Outcome.VALID,
                method.verify(user(), current, second.challengeState(), answer).outcome());
    }

    @Test
    void statesWhenInspectedThenHoldNoClearSecretAndValuesHideThem() throws Exception {
        List<String> states = new ArrayList<>();
        List<String> secrets = new ArrayList<>();
        Enrolled enrolled = enrol(user());
        enrolled.enrolment().ifPresent(e -> {
            states.add(e.pendingState());
            secrets.addAll(e.shown().values());
            assertHides(e.toString(), e.shown().values());
            assertHides(e.toString(), List.of(e.pendingState()));
        });
        enrolled.state().ifPresent(states::add);
        IssuedChallenge challenge = method.issue(user(), enrolled.state(), ChallengeSettings.defaults());
        states.add(challenge.challengeState());
        String answer = answer(enrolled);
        secrets.add(answer);
        Verification verification = method.verify(user(), enrolled.state(), challenge.challengeState(), answer);
        verification.updatedEnrolmentState().ifPresent(states::add);

        for (String state : states) {
            assertHides(state, secrets);
        }
        assertHides(challenge.toString(), List.of(challenge.challengeState()));
        assertHides(verification.toString(), states);
        assertHides(user().toString(), List.of(user().attribute("phone_number").orElseThrow(),
                user().attribute("email").orElseThrow()));
    }

    @Test
    void statesWhenAlteredThenRefused() throws Exception {
        Enrolled enrolled = enrol(user());
        IssuedChallenge challenge = method.issue(user(), enrolled.state(), ChallengeSettings.defaults());
        String answer = answer(enrolled);

        assertThrows(MfaStateException.class, () -> method.verify(user(), enrolled.state(),
                altered(challenge.challengeState()), answer));
        assertThrows(MfaStateException.class, () -> method.verify(user(), enrolled.state(), "not-a-state", answer));
        if (enrolled.state().isPresent()) {
            Optional<String> alteredEnrolment = enrolled.state().map(MfaMethodContract::altered);
            assertThrows(MfaStateException.class, () -> method.verify(user(), alteredEnrolment,
                    challenge.challengeState(), answer));
            assertThrows(MfaStateException.class,
                    () -> method.issue(user(), alteredEnrolment, ChallengeSettings.defaults()));
        }
        if (enrolled.enrolment().isPresent()) {
            String pending = method.startEnrolment(user(), LABELS).pendingState();
            assertThrows(MfaStateException.class,
                    () -> method.completeEnrolment(user(), altered(pending), "000000"));
        }
    }

    @Test
    void statesWhenAnotherUsersThenRefused() throws Exception {
        Enrolled enrolled = enrol(user());
        IssuedChallenge challenge = method.issue(user(), enrolled.state(), ChallengeSettings.defaults());
        String answer = answer(enrolled);
        Enrolled others = enrol(otherUser());

        assertThrows(MfaStateException.class,
                () -> method.verify(otherUser(), others.state(), challenge.challengeState(), answer));
        if (enrolled.state().isPresent()) {
            assertThrows(MfaStateException.class,
                    () -> method.issue(otherUser(), enrolled.state(), ChallengeSettings.defaults()));
            Enrolment pending = method.startEnrolment(user(), LABELS);
            assertThrows(MfaStateException.class,
                    () -> method.completeEnrolment(otherUser(), pending.pendingState(), "000000"));
        }
    }

    @Test
    void enrolmentWhenNeededThenWrongAnswerEmptyAndRightAnswerState() {
        Assumptions.assumeTrue(method.needsEnrolment(), "the method needs no enrolment");
        Enrolment enrolment = method.startEnrolment(user(), LABELS);
        assertFalse(enrolment.shown().isEmpty(), "an enrolment shows the user what to set up");
        String right = rightAnswer(new AnswerSource(Optional.of(enrolment), channel.sent(), clock.instant()));

        assertEquals(Optional.empty(), method.completeEnrolment(user(), enrolment.pendingState(), wrongAnswer(right)));
        Optional<String> state = method.completeEnrolment(user(), enrolment.pendingState(), right);

        assertTrue(state.isPresent());
        assertNotEquals(enrolment.pendingState(), state.get());
    }

    @Test
    void enrolmentWhenStartedTwiceThenSecretsDiffer() {
        Assumptions.assumeTrue(method.needsEnrolment(), "the method needs no enrolment");

        Enrolment first = method.startEnrolment(user(), LABELS);
        Enrolment second = method.startEnrolment(user(), LABELS);

        assertNotEquals(first.shown(), second.shown());
    }

    @Test
    void enrolmentWhenNotNeededThenUnsupported() {
        Assumptions.assumeFalse(method.needsEnrolment(), "the method needs enrolment");

        assertThrows(UnsupportedOperationException.class, () -> method.startEnrolment(user(), LABELS));
        assertThrows(UnsupportedOperationException.class, () -> method.completeEnrolment(user(), "x", "000000"));
    }

    @Test
    void issueWhenEnrolmentStateDisagreesWithNeedThenRefused() {
        Optional<String> wrongPresence = method.needsEnrolment() ? Optional.empty() : Optional.of("unexpected");

        assertThrows(IllegalArgumentException.class,
                () -> method.issue(user(), wrongPresence, ChallengeSettings.defaults()));
        assertEquals(0, channel.attempts(), "a refused issue sends nothing");
    }

    @Test
    void issueWhenUsableThenIssuedAndWhenNotThenRefused() throws Exception {
        boolean sawUnusable = false;
        for (MfaUser candidate : List.of(user(), bareUser())) {
            Enrolled enrolled = enrol(candidate);
            if (method.usableBy(candidate)) {
                IssuedChallenge challenge = method.issue(candidate, enrolled.state(), ChallengeSettings.defaults());
                assertEquals(Outcome.VALID, method.verify(candidate, enrolled.state(), challenge.challengeState(),
                        answer(enrolled)).outcome(), candidate + " is usable, so a challenge must be answerable");
            } else {
                sawUnusable = true;
                int before = channel.attempts();
                assertThrows(IllegalArgumentException.class,
                        () -> method.issue(candidate, enrolled.state(), ChallengeSettings.defaults()));
                assertEquals(before, channel.attempts(), "a refused issue sends nothing");
            }
        }
        assertTrue(method.usableBy(user()), "the contract's main user must be usable");
        if (!sawUnusable) {
            assertTrue(method.deliveryAttribute().isEmpty(),
                    "a method that sends codes cannot serve a user without an address");
        }
    }

    @Test
    void issueWhenChannelRefusesThenDeliveryExceptionOrNothingSent() {
        Enrolled enrolled = enrol(user());
        channel.refuse();
        int before = channel.attempts();

        try {
            method.issue(user(), enrolled.state(), ChallengeSettings.defaults());
            assertEquals(before, channel.attempts(), "issue sent a message, was refused, and did not say so");
        } catch (DeliveryException expected) {
            assertTrue(channel.attempts() > before);
        }
    }

    @Test
    void messagesWhenCodeSentThenCodeMarkedSecretAndAddressHidden() throws Exception {
        Enrolled enrolled = enrol(user());
        method.issue(user(), enrolled.state(), ChallengeSettings.defaults());
        Assumptions.assumeFalse(channel.sent().isEmpty(), "the method sends no message");
        String answer = answer(enrolled);

        for (OutboundMessage message : channel.sent()) {
            assertTrue(message.body().contains(answer), "the message carries the code");
            assertHides(message.redactedBody(), List.of(answer));
            assertHides(message.toString(), List.of(answer, message.destination()));
        }
    }

    @Test
    void parametersWhenIssuedThenNoFullAddress() throws Exception {
        Enrolled enrolled = enrol(user());

        IssuedChallenge challenge = method.issue(user(), enrolled.state(), ChallengeSettings.defaults());

        for (String value : challenge.parameters().values()) {
            assertHides(value, List.of(user().attribute("phone_number").orElseThrow(),
                    user().attribute("email").orElseThrow()));
        }
    }

    /** What enrolling a user gave: the enrolment (to find answers from) and its state; both empty when not needed. */
    protected record Enrolled(Optional<Enrolment> enrolment, Optional<String> state) {
    }

    /** Enrols {@code candidate} with the right answer when the method needs it, then waits an answer interval. */
    protected Enrolled enrol(MfaUser candidate) {
        if (!method.needsEnrolment()) {
            return new Enrolled(Optional.empty(), Optional.empty());
        }
        Enrolment enrolment = method.startEnrolment(candidate, LABELS);
        String right = rightAnswer(new AnswerSource(Optional.of(enrolment), channel.sent(), clock.instant()));
        String state = method.completeEnrolment(candidate, enrolment.pendingState(), right)
                .orElseThrow(() -> new AssertionError("the right answer did not complete the enrolment"));
        clock.advance(answerInterval());
        return new Enrolled(Optional.of(enrolment), Optional.of(state));
    }

    /** The right answer to the latest challenge now. */
    protected String answer(Enrolled enrolled) {
        return rightAnswer(new AnswerSource(enrolled.enrolment(), channel.sent(), clock.instant()));
    }

    /** {@code state} with one character in its middle changed. */
    protected static String altered(String state) {
        if (state.isEmpty()) {
            fail("an empty state cannot be bound to its user");
        }
        int middle = state.length() / 2;
        char replacement = state.charAt(middle) == 'A' ? 'B' : 'A';
        return state.substring(0, middle) + replacement + state.substring(middle + 1);
    }

    private static void assertHides(String text, Iterable<String> secrets) {
        String haystack = text.toLowerCase(Locale.ROOT);
        for (String secret : secrets) {
            if (secret != null && secret.length() >= 4) {
                assertFalse(haystack.contains(secret.toLowerCase(Locale.ROOT)), "a secret shows in: " + text);
            }
        }
    }
}
