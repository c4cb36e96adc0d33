package io.gatehouse.engine.identitypool.roles;

import java.util.Collection;
import java.util.List;

/** A token claim's values as role mappings compare them. */
final class ClaimValues {

    private ClaimValues() {
    }

    /** A list claim's elements, or a single value's text; none for a missing claim. */
    static List<String> of(Object claim) {
        if (claim == null) {
            return List.of();
        }
        if (claim instanceof Collection<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return List.of(String.valueOf(claim));
    }

    /**
     * {@link #of}, with a single value taken as a comma-separated list: an ID token carries {@code cognito:roles}
     * as a list, and Cognito's documentation calls it a comma-separated string.
     */
    static List<String> split(Object claim) {
        if (claim instanceof Collection<?>) {
            return of(claim);
        }
        return of(claim).stream().flatMap(v -> List.of(v.split(",")).stream()).map(String::trim)
                .filter(s -> !s.isEmpty()).toList();
    }
}
