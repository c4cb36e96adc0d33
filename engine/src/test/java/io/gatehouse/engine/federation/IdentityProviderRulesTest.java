package io.gatehouse.engine.federation;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatehouse.engine.error.ServiceException;
import io.gatehouse.engine.json.Json;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IdentityProviderRulesTest {

    private static final JsonNode SCHEMA = Json.parse("[{\"Name\": \"sub\"}, {\"Name\": \"email\"},"
            + " {\"Name\": \"email_verified\"}, {\"Name\": \"custom:team\"}, {\"Name\": \"dev:custom:secret\"}]");

    private static void assertRefused(Runnable call, String type, String message) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(ServiceException.class,
                e -> assertThat(e.type()).isEqualTo(type)).hasMessageContaining(message);
    }

    @Test
    void checkNameWhenCognitoInAnyCaseThenRefused() {
        for (String name : List.of("Cognito", "COGNITO", "cognito")) {
            assertRefused(() -> IdentityProviderRules.checkName(name, "OIDC"), "InvalidParameterException",
                    "reserved");
        }
    }

    @Test
    void checkNameWhenSocialTypeNamedOtherwiseThenRefusedAsCognitoDoes() {
        assertRefused(() -> IdentityProviderRules.checkName("MyGoogle", "Google"), "InvalidParameterException",
                "Provider MyGoogle cannot be of type Google.");
        IdentityProviderRules.checkName("Google", "Google");
        IdentityProviderRules.checkName("SignInWithApple", "SignInWithApple");
    }

    @Test
    void checkNameWhenOidcOrThirdPartyTypeThenAnyNameGoes() {
        IdentityProviderRules.checkName("corporate", "OIDC");
        IdentityProviderRules.checkName("octocat", "GitHub");
    }

    @Test
    void attributeMappingWhenTargetsArePoolAttributesThenMergedWithTheFixedMapping() {
        Map<String, String> merged = IdentityProviderRules.attributeMapping(
                Map.of("email", "mail", "custom:team", "department", "username", "sub"),
                Map.of("username", "sub"), SCHEMA);

        assertThat(merged).containsExactlyInAnyOrderEntriesOf(Map.of("email", "mail", "custom:team", "department",
                "username", "sub"));
        assertThat(IdentityProviderRules.attributeMapping(Map.of(), Map.of("username", "id"), SCHEMA))
                .containsExactly(Map.entry("username", "id"));
    }

    @Test
    void attributeMappingWhenUsernameRemappedThenRefused() {
        assertRefused(() -> IdentityProviderRules.attributeMapping(Map.of("username", "email"),
                Map.of("username", "sub"), SCHEMA), "InvalidParameterException", "cannot be remapped");
    }

    @Test
    void attributeMappingWhenTargetIsNotAWritableAttributeOfThePoolThenRefused() {
        for (String target : List.of("custom:missing", "nickname_typo", "sub", "dev:custom:secret")) {
            assertRefused(() -> IdentityProviderRules.attributeMapping(Map.of(target, "claim"),
                    Map.of("username", "sub"), SCHEMA), "InvalidParameterException", target);
        }
    }

    @Test
    void identifierKeysWhenSameIdentifierInAnotherCaseThenDuplicate() {
        assertThat(IdentityProviderRules.identifierKeys(List.of("Example.COM", "corp")))
                .containsExactly("example.com", "corp");
        assertRefused(() -> IdentityProviderRules.identifierKeys(List.of("example.com", "EXAMPLE.com")),
                "DuplicateProviderException", "EXAMPLE.com");
    }
}
