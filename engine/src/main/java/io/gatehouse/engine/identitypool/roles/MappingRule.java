package io.gatehouse.engine.identitypool.roles;

import java.util.List;

/**
 * One rule of a {@code Rules} mapping: a claim, how to compare it, the value, and the role it gives.
 *
 * <p>A claim with several values (a list, such as {@code cognito:groups}) matches when one of them does, except for
 * {@code NotEqual}, which must hold for all of them; a claim the token lacks matches nothing, {@code NotEqual}
 * included, as in Cognito ("the rule is not evaluated").
 */
record MappingRule(String claim, MatchType matchType, String value, String roleArn) {

    boolean matches(Object claimValue) {
        List<String> values = ClaimValues.of(claimValue);
        if (values.isEmpty()) {
            return false;
        }
        if (matchType == MatchType.NOT_EQUAL) {
            return values.stream().allMatch(v -> matchType.matches(v, value));
        }
        return values.stream().anyMatch(v -> matchType.matches(v, value));
    }
}
