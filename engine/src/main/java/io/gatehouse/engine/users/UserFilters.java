package io.gatehouse.engine.users;

import io.gatehouse.api.userstore.UserFilter;
import io.gatehouse.engine.error.ServiceException;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ListUsers' filter grammar, as Cognito reads it: {@code attribute = "value"} (exact) or {@code attribute ^= "value"}
 * (prefix), one condition, on a fixed set of attributes; a quote or backslash inside the value is escaped with a
 * backslash. An empty filter lists everyone.
 */
final class UserFilters {

    /** The attributes Cognito lets ListUsers search. */
    static final Set<String> SEARCHABLE = Set.of("username", "email", "phone_number", "name", "given_name",
            "family_name", "preferred_username", "cognito:user_status", "status", "sub");
    private static final Pattern CONDITION = Pattern.compile(
            "\\s*([A-Za-z_:]+)\\s*(=|\\^=)\\s*\"((?:[^\"\\\\]|\\\\.)*)\"\\s*");

    private UserFilters() {
    }

    /**
     * The condition a filter expresses.
     *
     * @throws ServiceException {@code InvalidParameterException} for a filter that does not parse or searches an
     *                          attribute Cognito does not search
     */
    static Optional<UserFilter> parse(String filter) {
        if (filter == null || filter.isBlank()) {
            return Optional.empty();
        }
        Matcher m = CONDITION.matcher(filter);
        if (!m.matches()) {
            throw ServiceException.invalidParameter("Error while parsing filter: use attribute = \"value\" or "
                    + "attribute ^= \"value\".");
        }
        String attribute = m.group(1);
        if (!SEARCHABLE.contains(attribute)) {
            throw ServiceException.invalidParameter("Invalid search attribute: " + attribute + ". Searchable: "
                    + String.join(", ", new java.util.TreeSet<>(SEARCHABLE)) + ".");
        }
        String value = m.group(3).replaceAll("\\\\(.)", "$1");
        UserFilter.Match match = "=".equals(m.group(2)) ? UserFilter.Match.EQUALS : UserFilter.Match.STARTS_WITH;
        if ("status".equals(attribute) && (match != UserFilter.Match.EQUALS
                || !Set.of("Enabled", "Disabled").contains(value))) {
            throw ServiceException.invalidParameter("The status filter is status = \"Enabled\" or "
                    + "status = \"Disabled\".");
        }
        return Optional.of(new UserFilter(attribute, match, value));
    }
}
