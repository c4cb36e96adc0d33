package io.gatehouse.api.mfa;

import io.gatehouse.api.message.DeliveryException;
import io.gatehouse.api.provider.Provider;

import java.util.Optional;

/**
 * One second factor: how a user enrols it, how a challenge is issued and how an answer is checked. Stateless: every
 * state a method needs comes back to it as a sealed string the engine stored (see the package documentation for
 * who keeps what). A method never counts wrong answers or resends; the engine does.
 *
 * <p>Every operation that takes a state throws {@link MfaStateException} when the state does not open (altered,
 * another user's, another purpose's, or sealed with a key the server no longer has), and
 * {@link IllegalArgumentException} when called against its preconditions, which are bugs of the caller.
 */
public interface MfaMethod extends Provider {

    /** Cognito's name of the time-based one-time password (authenticator app) factor. */
    String SOFTWARE_TOKEN_MFA = "SOFTWARE_TOKEN_MFA";

    /** Cognito's name of the code-by-SMS factor. */
    String SMS_MFA = "SMS_MFA";

    /** Cognito's name of the code-by-e-mail factor. */
    String EMAIL_OTP = "EMAIL_OTP";

    /**
     * The factor's name, which is both Cognito's MFA type and its challenge name: {@value #SOFTWARE_TOKEN_MFA},
     * {@value #SMS_MFA} or {@value #EMAIL_OTP} for the built-in methods. A third party's method has a name of its
     * own, in the same style, that no other method uses. Never changes between versions.
     */
    String name();

    /**
     * Whether this factor can serve {@code user} with the attributes they have now: a method that sends codes needs
     * the address it sends them to. As in Cognito, a phone number or e-mail address need not be verified: a user's
     * first right answer proves it, and the engine then marks it verified (see {@link #deliveryAttribute()}).
     * Enrolment is a separate question ({@link #needsEnrolment()}).
     */
    boolean usableBy(MfaUser user);

    /**
     * The attribute this method sends codes to ({@code phone_number} for SMS, {@code email} for e-mail), or empty
     * when it sends none. After a {@link Verification.Outcome#VALID} answer the engine sets
     * {@code <attribute>_verified} to {@code true}, as Cognito does. The default sends none.
     */
    default Optional<String> deliveryAttribute() {
        return Optional.empty();
    }

    /**
     * Whether the user must enrol before the first challenge (TOTP: share a secret with an authenticator app). A
     * method that needs no enrolment issues challenges with no enrolment state. The default needs none.
     */
    default boolean needsEnrolment() {
        return false;
    }

    /**
     * Begins an enrolment: makes what the user must set up (TOTP: a new secret) and seals it into the pending state.
     *
     * @param settings how what is shown is labelled
     * @throws UnsupportedOperationException when {@link #needsEnrolment()} is false (the default)
     */
    default Enrolment startEnrolment(MfaUser user, EnrolmentSettings settings) {
        throw new UnsupportedOperationException(name() + " needs no enrolment");
    }

    /**
     * Completes an enrolment with the user's first answer.
     *
     * @param pendingState the {@link Enrolment#pendingState()} of an enrolment begun for this user
     * @param answer       what the user entered
     * @return the enrolment state the engine stores with the user and passes to {@link #issue} and {@link #verify}
     *         from now on, or empty when the answer is wrong (the pending state stays usable for another try)
     * @throws MfaStateException             when the pending state does not open for this user
     * @throws UnsupportedOperationException when {@link #needsEnrolment()} is false (the default)
     */
    default Optional<String> completeEnrolment(MfaUser user, String pendingState, String answer) {
        throw new UnsupportedOperationException(name() + " needs no enrolment");
    }

    /**
     * Issues a challenge: for a method that sends codes, makes a code and sends it through
     * {@link MfaMethodContext#channel()} with the code marked secret. The challenge expires after the settings' code
     * validity (or the method's default).
     *
     * @param enrolmentState the user's enrolment state; present exactly when {@link #needsEnrolment()}
     * @throws IllegalArgumentException when {@link #usableBy} is false for this user, or the enrolment state is
     *                                  missing for a method that needs enrolment
     * @throws MfaStateException        when the enrolment state does not open for this user
     * @throws DeliveryException        when the code could not be sent; no challenge was issued
     */
    IssuedChallenge issue(MfaUser user, Optional<String> enrolmentState, ChallengeSettings settings)
            throws DeliveryException;

    /**
     * Checks an answer, comparing in constant time. After the challenge's expiry the outcome is
     * {@link Verification.Outcome#EXPIRED} whatever the answer.
     *
     * <p>A method whose codes are not bound to one challenge (TOTP) keeps them single-use itself, through
     * {@link Verification#updatedEnrolmentState()}: a code accepted once is {@link Verification.Outcome#WRONG}
     * afterwards. A method whose codes are bound to one challenge (SMS, e-mail) relies on the engine discarding the
     * challenge state after a {@link Verification.Outcome#VALID} answer.
     *
     * @param enrolmentState the user's current enrolment state; present exactly when {@link #needsEnrolment()}
     * @param challengeState the {@link IssuedChallenge#challengeState()} of a challenge issued to this user
     * @param answer         what the user entered
     * @throws MfaStateException        when a state does not open for this user
     * @throws IllegalArgumentException when the enrolment state is missing for a method that needs enrolment
     */
    Verification verify(MfaUser user, Optional<String> enrolmentState, String challengeState, String answer);
}
