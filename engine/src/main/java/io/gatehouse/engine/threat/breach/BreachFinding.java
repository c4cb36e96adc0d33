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
 */
public record BreachFinding(boolean breached, Optional<String> source, OptionalLong occurrences) {

    /** No source knows the password. */
    public static final BreachFinding CLEAR = new BreachFinding(false, Optional.empty(), OptionalLong.empty());
}
