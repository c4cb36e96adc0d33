package io.gatehouse.engine.identitypool.roles;

import io.gatehouse.engine.identitypool.IdentityPoolRoles.MappingRule;

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
        List<String> matched = rules.stream().filter(r -> matches(r, request.claims().get(r.claim())))
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

    /**
     * Whether a claim's value matches a rule. A claim with several values (a list, such as {@code cognito:groups})
     * matches when one of them does, except for {@code NotEqual}, which must hold for all of them; a claim the token
     * lacks matches nothing, {@code NotEqual} included, as in Cognito ("the rule is not evaluated").
     */
    static boolean matches(MappingRule rule, Object claimValue) {
        List<String> values = ClaimValues.of(claimValue);
        if (values.isEmpty()) {
            return false;
        }
        MatchType type = MatchType.of(rule.matchType());
        if (type == MatchType.NOT_EQUAL) {
            return values.stream().allMatch(v -> type.matches(v, rule.value()));
        }
        return values.stream().anyMatch(v -> type.matches(v, rule.value()));
    }
}
