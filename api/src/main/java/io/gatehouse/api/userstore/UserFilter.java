package io.gatehouse.api.userstore;

import java.util.Objects;

/**
 * One condition on one attribute, as Cognito's ListUsers filter expresses it ({@code email ^= "ali"}).
 *
 * @param attribute the attribute name ({@code username}, {@code email}, {@code cognito:user_status}, ...)
 * @param match     exact or prefix
 * @param value     the value to compare with
 */
public record UserFilter(String attribute, Match match, String value) {

    /** How the value is compared. */
    public enum Match { EQUALS, STARTS_WITH }

    public UserFilter {
        Objects.requireNonNull(attribute, "attribute");
        Objects.requireNonNull(match, "match");
        Objects.requireNonNull(value, "value");
    }
}
