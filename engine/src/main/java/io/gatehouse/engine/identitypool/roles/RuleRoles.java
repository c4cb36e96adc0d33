package io.gatehouse.engine.identitypool.roles;

import java.util.List;
import java.util.Optional;

/**
 * {@code Type: Rules}: the first rule whose claim matches gives the role. A {@code CustomRoleArn} picks among the
 * roles of the rules that match, in place of the first; one no matching rule gives is denied. No match is
 * ambiguous.
 */
final class RuleRoles implements RoleMapper {

    private final List<MappingRule> rules;

    RuleRoles(List<MappingRule> rules) {
        this.rules = List.copyOf(rules);
    }

    @Override
    public Optional<String> choose(RoleRequest request) {
        List<String> matched = rules.stream().filter(r -> r.matches(request.claims().get(r.claim())))
                .map(MappingRule::roleArn).toList();
        if (request.customRoleArn().isPresent()) {
            String asked = request.customRoleArn().get();
            if (!matched.contains(asked)) {
                throw new RoleDeniedException("The role " + asked + " is not given by any rule that matches the"
                        + " login of " + request.provider() + ".");
            }
            return Optional.of(asked);
        }
        return matched.stream().findFirst();
    }
}
