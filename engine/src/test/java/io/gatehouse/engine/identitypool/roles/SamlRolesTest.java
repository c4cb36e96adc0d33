package io.gatehouse.engine.identitypool.roles;

import io.gatehouse.engine.identitypool.IdentityPoolRoles.MappingRule;
import io.gatehouse.engine.identitypool.IdentityPoolRoles.RoleMapping;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A SAML login's role: from its assertion's Role attribute, with and without a role mapping. */
class SamlRolesTest {

    private static final String PROVIDER = "arn:aws:iam::123456789012:saml-provider/Corp";
    private static final String OTHER_PROVIDER = "arn:aws:iam::123456789012:saml-provider/Other";
    private static final String AUTHENTICATED = "arn:aws:iam::123456789012:role/authenticated";
    private static final String ADMIN = "arn:aws:iam::123456789012:role/admin";
    private static final String SALES = "arn:aws:iam::123456789012:role/sales";

    private static RoleRequest request(Object roles, String custom) {
        Map<String, Object> claims = roles == null ? Map.of("email", "a@example.test")
                : Map.of(SamlRoles.ROLE, roles, "email", "a@example.test");
        return new RoleRequest(PROVIDER, claims, Optional.ofNullable(custom), Optional.of(AUTHENTICATED));
    }

    private static String pair(String role) {
        return role + "," + PROVIDER;
    }

    @Test
    void unmappedWhenOneRoleThenItWhicheverOrderThePairIsIn() {
        assertEquals(Optional.of(ADMIN), RoleResolver.resolve(Optional.empty(), request(pair(ADMIN), null)));
        assertEquals(Optional.of(ADMIN), RoleResolver.resolve(Optional.empty(),
                request(PROVIDER + "," + ADMIN, null)));
        assertEquals(Optional.of(ADMIN), RoleResolver.resolve(Optional.empty(), request(pair(ADMIN), ADMIN)));
    }

    @Test
    void unmappedWhenNoRoleAttributeThenTheAuthenticatedRole() {
        assertEquals(Optional.of(AUTHENTICATED), RoleResolver.resolve(Optional.empty(), request(null, null)));
    }

    @Test
    void unmappedWhenSeveralRolesThenTheCustomOneOrDenied() {
        List<String> both = List.of(pair(ADMIN), pair(SALES));
        assertEquals(Optional.of(SALES), RoleResolver.resolve(Optional.empty(), request(both, SALES)));
        assertThrows(RoleDeniedException.class, () -> RoleResolver.resolve(Optional.empty(), request(both, null)));
        assertThrows(RoleDeniedException.class, () -> RoleResolver.resolve(Optional.empty(),
                request(both, AUTHENTICATED)), "a role the assertion does not name");
    }

    /**
     * An OpenID Connect provider is named by its URL's host, port and path, where {@code :saml-provider/} may stand:
     * its ID token's claim named as AWS's Role attribute must not choose a role.
     */
    @Test
    void oidcProviderWhosePathLooksLikeASamlArnWhenItsTokenNamesRolesThenTheAuthenticatedRole() {
        String oidc = "arn:443/x:saml-provider/Corp";
        RoleRequest request = new RoleRequest(oidc, Map.of(SamlRoles.ROLE, ADMIN + "," + oidc),
                Optional.of(ADMIN), Optional.of(AUTHENTICATED));
        assertEquals(Optional.of(AUTHENTICATED), RoleResolver.resolve(Optional.empty(), request));
    }

    @Test
    void pairsOfAnotherProviderOrMalformedDoNotCount() {
        List<String> roles = List.of(SALES + "," + OTHER_PROVIDER, ADMIN, "junk," + PROVIDER, pair(ADMIN));
        assertEquals(List.of(ADMIN), SamlRoles.roles(request(roles, null)));
        assertEquals(Optional.of(AUTHENTICATED), RoleResolver.resolve(Optional.empty(),
                request(SALES + "," + OTHER_PROVIDER, SALES)), "no role of its own: as any login without a mapping");
    }

    @Test
    void tokenMappingWhenSeveralRolesAndNoChoiceThenItsAmbiguousResolution() {
        List<String> both = List.of(pair(ADMIN), pair(SALES));
        assertEquals(Optional.of(AUTHENTICATED), RoleResolver.resolve(Optional.of(new RoleMapping("Token",
                Optional.of("AuthenticatedRole"), List.of())), request(both, null)));
        assertThrows(RoleDeniedException.class, () -> RoleResolver.resolve(Optional.of(new RoleMapping("Token",
                Optional.of("Deny"), List.of())), request(both, null)));
        assertEquals(Optional.of(ADMIN), RoleResolver.resolve(Optional.of(new RoleMapping("Token",
                Optional.of("Deny"), List.of())), request(pair(ADMIN), null)));
    }

    @Test
    void rulesMappingWhenAnAttributeMatchesThenItsRole() {
        Optional<RoleMapping> rules = Optional.of(new RoleMapping("Rules", Optional.of("Deny"),
                List.of(new MappingRule("email", "Equals", "a@example.test", SALES))));
        assertEquals(Optional.of(SALES), RoleResolver.resolve(rules, request(pair(ADMIN), null)));
    }
}
