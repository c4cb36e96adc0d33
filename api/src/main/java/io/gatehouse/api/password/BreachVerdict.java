package io.gatehouse.api.password;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * What one source said about a password.
 *
 * @param outcome     found, not found, or the source could not answer
 * @param occurrences how often the source has seen it in breaches, where it says (Have I Been Pwned does; a list
 *                    of common passwords does not)
 * @param detail      a short reason for an operator when the source could not answer; empty otherwise. Never the
 *                    password or its digest.
 */
public record BreachVerdict(Outcome outcome, OptionalLong occurrences, String detail) {

    /** Whether the password is among the source's breached ones. */
    public enum Outcome {
        /** The source knows the password from breaches. */
        BREACHED,
        /** The source does not know it. */
        NOT_FOUND,
        /** The source could not be asked (down, slow, refused); the engine lets the password pass on this one. */
        UNAVAILABLE
    }

    public BreachVerdict {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(occurrences, "occurrences");
        Objects.requireNonNull(detail, "detail");
    }

    /** Found, seen {@code occurrences} times where the source counts, else with no count. */
    public static BreachVerdict breached(OptionalLong occurrences) {
        return new BreachVerdict(Outcome.BREACHED, occurrences, "");
    }

    /** Not among the source's breached passwords. */
    public static BreachVerdict notFound() {
        return new BreachVerdict(Outcome.NOT_FOUND, OptionalLong.empty(), "");
    }

    /** The source could not answer, for this reason (an operator reads it in the log). */
    public static BreachVerdict unavailable(String detail) {
        return new BreachVerdict(Outcome.UNAVAILABLE, OptionalLong.empty(), detail);
    }

    /** Whether the source knows the password from breaches. */
    public boolean breached() {
        return outcome == Outcome.BREACHED;
    }
}
