package io.gatehouse.engine.identitypool;

import io.gatehouse.engine.error.ServiceException;
import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IdentityPoolRulesTest {

    private static final Set<String> PROVIDERS = Set.of("accounts.google.com",
            "cognito-idp.us-east-1.amazonaws.com/us-east-1_Example01:client1");
    private static final String ROLE = "arn:aws:iam::123456789012:role/app";
    private static final IdentityPoolRoles.MappingRule RULE = new IdentityPoolRoles.MappingRule("hd", "Equals",
            "example.com", ROLE);

    private static IdentityPoolRoles mapping(String provider, IdentityPoolRoles.RoleMapping mapping) {
        return new IdentityPoolRoles(Map.of("authenticated", ROLE), Map.of(provider, mapping));
    }

    private static IdentityPoolRoles.RoleMapping rules(Optional<String> ambiguous,
                                                       List<IdentityPoolRoles.MappingRule> rules) {
        return new IdentityPoolRoles.RoleMapping("Rules", ambiguous, rules);
    }

    @Test
    void checkWhenTokenAndRulesMappingsOfConfiguredProvidersThenAccepted() {
        IdentityPoolRoles roles = new IdentityPoolRoles(Map.of("authenticated", ROLE,
                "unauthenticated", "arn:minio:iam:::role/guest"), Map.of(
                "accounts.google.com", rules(Optional.of("Deny"), Collections.nCopies(25, RULE)),
                "cognito-idp.us-east-1.amazonaws.com/us-east-1_Example01:client1",
                new IdentityPoolRoles.RoleMapping("Token", Optional.of("AuthenticatedRole"), List.of())));

        assertThatCode(() -> IdentityPoolRules.check(roles, PROVIDERS)).doesNotThrowAnyException();
    }

    @Test
    void checkWhenProviderNotConfiguredThenInvalidParameter() {
        assertInvalid(mapping("graph.facebook.com", rules(Optional.of("Deny"), List.of(RULE))));
    }

    @Test
    void checkWhenRulesMissingOrMoreThan25ThenInvalidParameter() {
        assertInvalid(mapping("accounts.google.com", rules(Optional.of("Deny"), List.of())));
        assertInvalid(mapping("accounts.google.com", rules(Optional.of("Deny"), Collections.nCopies(26, RULE))));
    }

    @Test
    void checkWhenAmbiguousRoleResolutionMissingThenInvalidParameter() {
        assertInvalid(mapping("accounts.google.com", rules(Optional.empty(), List.of(RULE))));
        assertInvalid(mapping("accounts.google.com", new IdentityPoolRoles.RoleMapping("Token", Optional.empty(),
                List.of())));
    }

    @Test
    void checkWhenTokenMappingHasRulesThenInvalidParameter() {
        assertInvalid(mapping("accounts.google.com", new IdentityPoolRoles.RoleMapping("Token",
                Optional.of("Deny"), List.of(RULE))));
    }

    @Test
    void checkWhenRoleIsNoIamRoleArnThenInvalidParameter() {
        assertInvalid(new IdentityPoolRoles(Map.of("authenticated", "arn:aws:s3:::bucket-of-roles"), Map.of()));
        assertInvalid(mapping("accounts.google.com", rules(Optional.of("Deny"), List.of(
                new IdentityPoolRoles.MappingRule("hd", "Equals", "example.com", "role/app")))));
    }

    private static void assertInvalid(IdentityPoolRoles roles) {
        assertThatThrownBy(() -> IdentityPoolRules.check(roles, PROVIDERS)).isInstanceOfSatisfying(
                ServiceException.class, e -> org.assertj.core.api.Assertions.assertThat(e.type())
                        .isEqualTo("InvalidParameterException"));
    }
}
