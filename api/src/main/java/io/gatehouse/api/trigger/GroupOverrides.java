package io.gatehouse.api.trigger;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A trigger's groups for the tokens, replacing the user's: an empty list removes them.
 *
 * @param groupsToOverride the groups
 * @param iamRolesToOverride the roles
 * @param preferredRole the preferred role
 */
public record GroupOverrides(List<String> groupsToOverride, List<String> iamRolesToOverride,
                             Optional<String> preferredRole) {

    public GroupOverrides {
        groupsToOverride = List.copyOf(groupsToOverride);
        iamRolesToOverride = List.copyOf(iamRolesToOverride);
        Objects.requireNonNull(preferredRole, "preferredRole");
    }
}
