package io.gatehouse.engine.identitypool.roles;

import io.gatehouse.engine.identitypool.IdentityPoolRoles.MappingRule;
import io.gatehouse.engine.identitypool.IdentityPoolRoles.RoleMapping;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Role mappings of both types, their match types, CustomRoleArn and ambiguous resolution. */
class RoleResolverTest {

    private static final String PROVIDER = "cognito-idp.us-east-1.amazonaws.com/us-east-1_abc:client";
    private static final String AUTHENTICATED = "arn:aws:iam::123456789012:role/authenticated";
    private static final String ADMIN = "arn:aws:iam::123456789012:role/admin";
    private static final String SALES = "arn:aws:iam::123456789012:role/sales";

    private static RoleRequest request(Map<String, Object> claims, String custom) {
        return new RoleRequest(PROVIDER, claims, Optional.ofNullable(custom), Optional.of(AUTHENTICATED));
    }

    private static final Optional<RoleMapping> TOKEN_DENY =
            Optional.of(new RoleMapping("Token", Optional.of("Deny"), List.of()));
    private static final Optional<RoleMapping> TOKEN_DEFAULT =
            Optional.of(new RoleMapping("Token", Optional.of("AuthenticatedRole"), List.of()));

    private static Optional<RoleMapping> rules(String resolution, MappingRule... rules) {
        return Optional.of(new RoleMapping("Rules", Optional.of(resolution), List.of(rules)));
    }

    private static MappingRule rule(String claim, String type, String value, String role) {
        return new MappingRule(claim, type, value, role);
    }

    @Test
    void noMappingWhenResolvedThenTheAuthenticatedRole() {
        assertEquals(Optional.of(AUTHENTICATED), RoleResolver.resolve(Optional.empty(), request(Map.of(), null)));
        assertEquals(Optional.empty(), RoleResolver.resolve(Optional.empty(),
                new RoleRequest(PROVIDER, Map.of(), Optional.empty(), Optional.empty())), "no role to give");
    }

    @Test
    void tokenWhenPreferredRoleThenItAndWhenCustomAmongRolesThenTheCustom() {
        Map<String, Object> claims = Map.of(TokenRoles.ROLES, List.of(ADMIN, SALES), TokenRoles.PREFERRED, ADMIN);
        assertEquals(Optional.of(ADMIN), RoleResolver.resolve(TOKEN_DENY, request(claims, null)));
        assertEquals(Optional.of(SALES), RoleResolver.resolve(TOKEN_DENY, request(claims, SALES)));
        assertEquals(Optional.of(SALES), RoleResolver.resolve(TOKEN_DENY,
                request(Map.of(TokenRoles.ROLES, ADMIN + "," + SALES), SALES)), "a comma-separated string");
    }

    @Test
    void tokenWhenCustomNotAmongRolesThenDeniedWhateverTheResolution() {
        Map<String, Object> claims = Map.of(TokenRoles.ROLES, List.of(SALES), TokenRoles.PREFERRED, SALES);
        assertThrows(RoleDeniedException.class, () -> RoleResolver.resolve(TOKEN_DEFAULT, request(claims, ADMIN)));
        assertThrows(RoleDeniedException.class, () -> RoleResolver.resolve(TOKEN_DEFAULT,
                request(Map.of(), AUTHENTICATED)), "not even the authenticated role when the token names none");
    }

    @Test
    void tokenWhenRolesButNoPreferredThenAmbiguous() {
        Map<String, Object> claims = Map.of(TokenRoles.ROLES, List.of(ADMIN, SALES));
        RoleDeniedException denied = assertThrows(RoleDeniedException.class,
                () -> RoleResolver.resolve(TOKEN_DENY, request(claims, null)));
        assertTrue(denied.getMessage().contains("ambiguous role mapping rules for: " + PROVIDER));
        assertEquals(Optional.of(AUTHENTICATED), RoleResolver.resolve(TOKEN_DEFAULT, request(claims, null)));
        assertEquals(Optional.of(AUTHENTICATED), RoleResolver.resolve(TOKEN_DEFAULT, request(Map.of(), null)));
    }

    @Test
    void rulesWhenSeveralMatchThenTheFirstAndCustomPicksAmongTheMatching() {
        Optional<RoleMapping> mapping = rules("Deny", rule("cognito:groups", "Contains", "admin", ADMIN),
                rule("custom:dept", "Equals", "Sales", SALES));
        Map<String, Object> both = Map.of("cognito:groups", List.of("staff", "admins"), "custom:dept", "Sales");
        assertEquals(Optional.of(ADMIN), RoleResolver.resolve(mapping, request(both, null)));
        assertEquals(Optional.of(SALES), RoleResolver.resolve(mapping, request(both, SALES)));
        assertEquals(Optional.of(SALES), RoleResolver.resolve(mapping,
                request(Map.of("custom:dept", "Sales"), null)));
        assertThrows(RoleDeniedException.class, () -> RoleResolver.resolve(mapping,
                request(Map.of("custom:dept", "Sales"), ADMIN)), "a role no matching rule gives");
    }

    @Test
    void rulesWhenNoneMatchThenAmbiguousResolution() {
        Map<String, Object> claims = Map.of("custom:dept", "Support");
        assertThrows(RoleDeniedException.class, () -> RoleResolver.resolve(
                rules("Deny", rule("custom:dept", "Equals", "Sales", SALES)), request(claims, null)));
        assertEquals(Optional.of(AUTHENTICATED), RoleResolver.resolve(
                rules("AuthenticatedRole", rule("custom:dept", "Equals", "Sales", SALES)), request(claims, null)));
    }

    @Test
    void matchTypesWhenComparedThenAsNamedAndNotEqualNeedsTheClaim() {
        assertTrue(rule("email", "StartsWith", "ops-", SALES, Map.of("email", "ops-1@example.com")));
        assertTrue(!rule("email", "StartsWith", "ops-", SALES, Map.of("email", "dev@example.com")));
        assertTrue(rule("email", "Contains", "@example.", SALES, Map.of("email", "a@example.com")));
        assertTrue(rule("email", "NotEqual", "x@example.com", SALES, Map.of("email", "a@example.com")));
        assertTrue(!rule("email", "NotEqual", "x@example.com", SALES, Map.of()), "a missing claim matches nothing");
        assertTrue(!rule("cognito:groups", "NotEqual", "admins", SALES,
                Map.of("cognito:groups", List.of("staff", "admins"))), "NotEqual must hold for every value");
        assertTrue(rule("email_verified", "Equals", "true", SALES, Map.of("email_verified", true)),
                "a boolean claim compared as text");
    }

    private static boolean rule(String claim, String type, String value, String role, Map<String, Object> claims) {
        return RuleRoles.matches(new MappingRule(claim, type, value, role), claims.get(claim));
    }
}
