package io.gatehouse.api.trigger;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The groups a token is about to carry, as pre token generation sees them.
 *
 * @param groupsToOverride the user's groups, by precedence
 * @param iamRolesToOverride their roles
 * @param preferredRole the role of the group of highest precedence that has one
 */
public record GroupConfiguration(List<String> groupsToOverride, List<String> iamRolesToOverride,
                                 Optional<String> preferredRole) {

    public GroupConfiguration {
        groupsToOverride = List.copyOf(groupsToOverride);
        iamRolesToOverride = List.copyOf(iamRolesToOverride);
        Objects.requireNonNull(preferredRole, "preferredRole");
    }
}
