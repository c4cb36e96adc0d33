package io.gatehouse.engine.threat.breach;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * What the sources of breached passwords said about one password.
 *
 * @param breached    whether any source knows it
 * @param source      the first source that knows it ({@value BreachedPasswords#OFFLINE} for the built-in corpus,
 *                    else a provider's id); empty when none does
 * @param occurrences how often that source has seen it, where it says
 * @param unanswered  whether a source could not answer (and none of the others knows the password)
 */
public record BreachFinding(boolean breached, Optional<String> source, OptionalLong occurrences, boolean unanswered) {

    /** No source knows the password, and every one answered. */
    public static final BreachFinding CLEAR = new BreachFinding(false, Optional.empty(), OptionalLong.empty(), false);

    /** No source that answered knows the password, but one could not answer. */
    public static final BreachFinding UNANSWERED = new BreachFinding(false, Optional.empty(), OptionalLong.empty(),
            true);
}
