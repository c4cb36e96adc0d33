package io.gatehouse.engine.identitypool.roles;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Picks an authenticated identity's role: by the pool's {@code RoleMapping} for the login's provider where it has
 * one ({@link TokenRoles}, {@link RuleRoles}), else the pool's authenticated role. What a mapping cannot tell goes
 * to its {@code AmbiguousRoleResolution}: the authenticated role, or a denial.
 */
public final class RoleResolver {

    private RoleResolver() {
    }

    /**
     * The role for {@code request}.
     *
     * @param mapping the pool's {@code RoleMapping} for the provider (Cognito's shape), or null or missing for none
     * @return the role's ARN, or empty when the pool has no role to give (a configuration error, not the caller's)
     * @throws RoleDeniedException when the mapping denies the login
     */
    public static Optional<String> resolve(JsonNode mapping, RoleRequest request) {
        if (mapping == null || mapping.isMissingNode() || mapping.isNull()) {
            return request.authenticatedRole();
        }
        Optional<String> chosen = mapper(mapping).choose(request);
        if (chosen.isPresent()) {
            return chosen;
        }
        if ("AuthenticatedRole".equals(mapping.path("AmbiguousRoleResolution").asText())) {
            return request.authenticatedRole();
        }
        throw new RoleDeniedException("The ambiguous role mapping rules for: " + request.provider()
                + " denied this request.");
    }

    private static RoleMapper mapper(JsonNode mapping) {
        String type = mapping.path("Type").asText();
        if ("Token".equals(type)) {
            return new TokenRoles();
        }
        if (!"Rules".equals(type)) {
            // SetIdentityPoolRoles accepts only the two; a stored mapping of another type is a defect.
            throw new IllegalStateException("unknown role mapping type " + type);
        }
        List<MappingRule> rules = new ArrayList<>();
        for (JsonNode rule : mapping.path("RulesConfiguration").path("Rules")) {
            rules.add(new MappingRule(rule.path("Claim").asText(), MatchType.of(rule.path("MatchType").asText()),
                    rule.path("Value").asText(), rule.path("RoleARN").asText()));
        }
        return new RuleRoles(rules);
    }
}
