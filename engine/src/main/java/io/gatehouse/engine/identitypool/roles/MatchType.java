package io.gatehouse.engine.identitypool.roles;

/** How a mapping rule compares a claim's value with its own ({@code MappingRule.MatchType}). */
enum MatchType {

    EQUALS {
        @Override
        boolean matches(String claim, String value) {
            return claim.equals(value);
        }
    },
    CONTAINS {
        @Override
        boolean matches(String claim, String value) {
            return claim.contains(value);
        }
    },
    STARTS_WITH {
        @Override
        boolean matches(String claim, String value) {
            return claim.startsWith(value);
        }
    },
    NOT_EQUAL {
        @Override
        boolean matches(String claim, String value) {
            return !claim.equals(value);
        }
    };

    abstract boolean matches(String claim, String value);

    /** The type named as on the wire: {@code Equals}, {@code Contains}, {@code StartsWith}, {@code NotEqual}. */
    static MatchType of(String wire) {
        return switch (wire) {
            case "Equals" -> EQUALS;
            case "Contains" -> CONTAINS;
            case "StartsWith" -> STARTS_WITH;
            case "NotEqual" -> NOT_EQUAL;
            default -> throw new IllegalArgumentException("unknown MatchType " + wire);
        };
    }
}
