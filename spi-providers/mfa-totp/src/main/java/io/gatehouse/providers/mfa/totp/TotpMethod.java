package io.gatehouse.providers.mfa.totp;

import io.gatehouse.api.mfa.ChallengeSettings;
import io.gatehouse.api.mfa.Enrolment;
import io.gatehouse.api.mfa.EnrolmentSettings;
import io.gatehouse.api.mfa.IssuedChallenge;
import io.gatehouse.api.mfa.MfaMethod;
import io.gatehouse.api.mfa.MfaMethodContext;
import io.gatehouse.api.mfa.MfaUser;
import io.gatehouse.api.mfa.Verification;
import io.gatehouse.api.mfa.Verification.Outcome;
import io.gatehouse.providers.mfa.totp.TotpStates.EnrolledKey;
import org.apache.commons.codec.binary.Base32;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * {@code SOFTWARE_TOKEN_MFA}: six-digit codes of RFC 6238 from a 160-bit secret the user puts into an
 * authenticator app. The secret lives only sealed, in the pending and enrolment states; the enrolment state also
 * records the last time step whose code was accepted, and a code of that step or an earlier one is refused, so each
 * code signs in once.
 */
final class TotpMethod implements MfaMethod {

    private static final int SECRET_BYTES = 20;
    private static final int DIGITS = 6;
    private static final Pattern ANSWER = Pattern.compile("\\d{" + DIGITS + "}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final MfaMethodContext context;
    private final TotpOptions options;
    private final TotpStates states;

    TotpMethod(MfaMethodContext context, TotpOptions options) {
        this.context = context;
        this.options = options;
        this.states = new TotpStates(context.sealer());
    }

    @Override
    public String name() {
        return SOFTWARE_TOKEN_MFA;
    }

    /** Any user can use an authenticator app; whether they have enrolled one is the engine's record. */
    @Override
    public boolean usableBy(MfaUser user) {
        return true;
    }

    @Override
    public boolean needsEnrolment() {
        return true;
    }

    @Override
    public Enrolment startEnrolment(MfaUser user, EnrolmentSettings settings) {
        byte[] secret = new byte[SECRET_BYTES];
        RANDOM.nextBytes(secret);
        // 160 bits are exactly 32 base32 characters: no padding, as Cognito's SecretCode has none.
        String secretCode = new Base32().encodeAsString(secret);
        return new Enrolment(states.sealPending(user, secretCode), Map.of(
                Enrolment.SECRET_CODE, secretCode,
                Enrolment.OTPAUTH_URI, keyUri(secretCode, settings)));
    }

    @Override
    public Optional<String> completeEnrolment(MfaUser user, String pendingState, String answer) {
        String secretCode = states.openPending(user, pendingState);
        OptionalLong step = acceptedStep(secretCode, answer, Long.MIN_VALUE);
        if (step.isEmpty()) {
            return Optional.empty();
        }
        // Recording the step now keeps the code that confirmed the app from also answering a sign-in.
        return Optional.of(states.sealEnrolment(user, new EnrolledKey(secretCode, step.getAsLong())));
    }

    @Override
    public IssuedChallenge issue(MfaUser user, Optional<String> enrolmentState, ChallengeSettings settings) {
        // Opening the enrolment now refuses another user's or an altered one before any challenge exists.
        states.openEnrolment(user, required(enrolmentState));
        Instant expiry = context.clock().instant().plus(settings.codeValidity().orElse(options.codeValidity()));
        return new IssuedChallenge(states.sealChallenge(user, expiry), Map.of());
    }

    @Override
    public Verification verify(MfaUser user, Optional<String> enrolmentState, String challengeState, String answer) {
        EnrolledKey key = states.openEnrolment(user, required(enrolmentState));
        Instant expiry = states.openChallenge(user, challengeState);
        if (context.clock().instant().isAfter(expiry)) {
            return Verification.of(Outcome.EXPIRED);
        }
        OptionalLong step = acceptedStep(key.secretBase32(), answer, key.lastStep());
        if (step.isEmpty()) {
            return Verification.of(Outcome.WRONG);
        }
        // Sealed afresh at every sign-in, which also moves the secret to the current data key.
        return new Verification(Outcome.VALID, Optional.of(states.sealEnrolment(user,
                new EnrolledKey(key.secretBase32(), step.getAsLong()))));
    }

    /**
     * The time step within the window whose code is {@code answer} and which is later than {@code after}, or empty.
     * Every step of the window is computed and compared in constant time, so the time taken says nothing of which
     * (if any) matched.
     */
    private OptionalLong acceptedStep(String secretCode, String answer, long after) {
        String given = answer == null ? "" : answer.strip();
        if (!ANSWER.matcher(given).matches()) {
            return OptionalLong.empty();
        }
        byte[] key = new Base32().decode(secretCode);
        byte[] givenBytes = given.getBytes(StandardCharsets.US_ASCII);
        long now = Rfc6238.step(context.clock().instant());
        OptionalLong accepted = OptionalLong.empty();
        for (long step = now - options.window(); step <= now + options.window(); step++) {
            byte[] expected = Rfc6238.code(key, step, DIGITS).getBytes(StandardCharsets.US_ASCII);
            if (MessageDigest.isEqual(expected, givenBytes) && step > after && accepted.isEmpty()) {
                accepted = OptionalLong.of(step);
            }
        }
        return accepted;
    }

    private static String required(Optional<String> enrolmentState) {
        return enrolmentState.orElseThrow(() -> new IllegalArgumentException(
                "SOFTWARE_TOKEN_MFA needs the user's enrolment state"));
    }

    /** The key URI of Google Authenticator's format, which authenticator apps read from a QR code. */
    private static String keyUri(String secretCode, EnrolmentSettings settings) {
        String issuer = encode(settings.issuer());
        return "otpauth://totp/" + issuer + ":" + encode(settings.accountName()) + "?secret=" + secretCode
                + "&issuer=" + issuer + "&algorithm=SHA1&digits=" + DIGITS + "&period=" + Rfc6238.PERIOD_SECONDS;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
