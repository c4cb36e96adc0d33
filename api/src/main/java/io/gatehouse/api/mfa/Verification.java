package io.gatehouse.api.mfa;

import java.util.Objects;
import java.util.Optional;

/**
 * What {@link MfaMethod#verify} made of an answer. Its {@link #toString()} shows the outcome only.
 *
 * @param outcome               whether the answer was right
 * @param updatedEnrolmentState a new enrolment state the engine stores in place of the old one, in the same
 *                              transaction that accepts the answer: TOTP records the time step it accepted, so that
 *                              no code is accepted twice. Empty when the enrolment state does not change
 */
public record Verification(Outcome outcome, Optional<String> updatedEnrolmentState) {

    /** The three things an answer can be. */
    public enum Outcome {
        /** The answer is right: the factor is proven. */
        VALID,
        /** The answer is wrong (or was already used); the engine counts it against its limits. */
        WRONG,
        /** The challenge is older than its code validity, whatever the answer; the user must start again. */
        EXPIRED
    }

    public Verification {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(updatedEnrolmentState, "updatedEnrolmentState");
        if (outcome != Outcome.VALID && updatedEnrolmentState.isPresent()) {
            throw new IllegalArgumentException("only a VALID answer updates the enrolment state");
        }
    }

    /** A verification with this outcome and no change to the enrolment state. */
    public static Verification of(Outcome outcome) {
        return new Verification(outcome, Optional.empty());
    }

    @Override
    public String toString() {
        return "Verification[" + outcome + (updatedEnrolmentState.isPresent() ? ", enrolment state updated" : "")
                + "]";
    }
}
