package io.gatehouse.engine.identitypool;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.engine.json.Json;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The roles of an identity pool (SetIdentityPoolRoles, GetIdentityPoolRoles).
 *
 * @param roles        the role ARN for {@code authenticated} and {@code unauthenticated} identities
 * @param roleMappings how a sign-in through a provider picks its role instead, by provider name
 */
public record IdentityPoolRoles(Map<String, String> roles, Map<String, RoleMapping> roleMappings) {

    /** A pool that has been given no roles yet. */
    public static final IdentityPoolRoles NONE = new IdentityPoolRoles(Map.of(), Map.of());

    public IdentityPoolRoles {
        roles = Map.copyOf(roles);
        roleMappings = Map.copyOf(roleMappings);
    }

    /**
     * How one provider's sign-ins pick a role.
     *
     * @param type                    {@code Token} (the token's {@code cognito:preferred_role} or
     *                                {@code cognito:roles}) or {@code Rules}
     * @param ambiguousRoleResolution what happens when no role is found: {@code AuthenticatedRole} or {@code Deny}
     * @param rules                   for {@code Rules}: the rules, the first match wins
     */
    public record RoleMapping(String type, Optional<String> ambiguousRoleResolution, List<MappingRule> rules) {

        public RoleMapping {
            rules = List.copyOf(rules);
        }
    }

    /**
     * A rule: a claim of the token compared with a value picks a role.
     *
     * @param claim     the claim's name
     * @param matchType {@code Equals}, {@code Contains}, {@code StartsWith} or {@code NotEqual}
     * @param value     the value compared with
     * @param roleArn   the role picked on a match
     */
    public record MappingRule(String claim, String matchType, String value, String roleArn) {
    }

    /** The RoleMappingMap of a request (or as stored). */
    static Map<String, RoleMapping> parseMappings(JsonNode map) {
        Map<String, RoleMapping> mappings = new LinkedHashMap<>();
        map.properties().forEach(e -> {
            JsonNode m = e.getValue();
            List<MappingRule> rules = new ArrayList<>();
            m.path("RulesConfiguration").path("Rules").forEach(r -> rules.add(new MappingRule(
                    r.path("Claim").asText(), r.path("MatchType").asText(), r.path("Value").asText(),
                    r.path("RoleARN").asText())));
            mappings.put(e.getKey(), new RoleMapping(m.path("Type").asText(),
                    Optional.ofNullable(m.path("AmbiguousRoleResolution").textValue()), rules));
        });
        return mappings;
    }

    /** The RoleMappingMap shape. */
    public static ObjectNode writeMappings(Map<String, RoleMapping> mappings) {
        ObjectNode out = Json.MAPPER.createObjectNode();
        mappings.forEach((provider, mapping) -> {
            ObjectNode m = out.putObject(provider).put("Type", mapping.type());
            mapping.ambiguousRoleResolution().ifPresent(a -> m.put("AmbiguousRoleResolution", a));
            if (!mapping.rules().isEmpty()) {
                ArrayNode rules = m.putObject("RulesConfiguration").putArray("Rules");
                mapping.rules().forEach(r -> rules.addObject().put("Claim", r.claim())
                        .put("MatchType", r.matchType()).put("Value", r.value()).put("RoleARN", r.roleArn()));
            }
        });
        return out;
    }
}
