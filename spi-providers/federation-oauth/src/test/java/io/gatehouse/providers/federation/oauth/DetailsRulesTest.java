package io.gatehouse.providers.federation.oauth;

import io.gatehouse.api.federation.DetailKey;
import io.gatehouse.api.federation.InvalidProviderDetailsException;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DetailsRulesTest {

    private static final List<DetailKey> KEYS = List.of(DetailKey.plain("client_id", true),
            new DetailKey("client_secret", true, true, true), DetailKey.plain("authorize_scopes", false));

    @Test
    void givenWhenBlankValuesThenTheyAreAbsentAndARequiredOneIsMissing() {
        Map<String, String> requested = new HashMap<>(Map.of("client_id", "app", "client_secret", " "));

        InvalidProviderDetailsException refused = assertThrows(InvalidProviderDetailsException.class,
                () -> DetailsRules.given("Test", KEYS, requested));
        assertTrue(refused.getMessage().contains("client_secret"), refused.getMessage());
    }

    @Test
    void givenWhenAnUnknownKeyThenRefusedNamingItAndTheKnownOnes() {
        InvalidProviderDetailsException refused = assertThrows(InvalidProviderDetailsException.class,
                () -> DetailsRules.given("Test", KEYS, Map.of("client_id", "a", "client_secret", "s", "odd", "x")));
        assertTrue(refused.getMessage().contains("[odd]"), refused.getMessage());
        assertTrue(refused.getMessage().contains("authorize_scopes"), refused.getMessage());
    }

    @Test
    void scopesWhenCommasMaySeparateThenSplitAtBoth() throws Exception {
        assertEquals(List.of("public_profile", "email", "user_birthday"), DetailsRules.scopes(
                Map.of("s", " public_profile, email user_birthday"), "s", "[ ,]+"));
        assertEquals(List.of("a,b"), DetailsRules.scopes(Map.of("s", "a,b"), "s", " +"));
        assertEquals(List.of(), DetailsRules.scopes(Map.of(), "s", " +"));
    }

    @Test
    void scopesWhenAQuoteThenRefused() {
        assertThrows(InvalidProviderDetailsException.class,
                () -> DetailsRules.scopes(Map.of("s", "openid \"x\""), "s", " +"));
    }

    @Test
    void printableWhenControlCharactersThenRefusedWithoutTheValue() {
        InvalidProviderDetailsException refused = assertThrows(InvalidProviderDetailsException.class,
                () -> DetailsRules.printable(Map.of("client_secret", "s3cret\n"), "client_secret"));
        assertFalse(refused.getMessage().contains("s3cret"), refused.getMessage());
    }

    @Test
    void urlsWhenPlainHttpElsewhereThanLoopbackThenRefused() throws Exception {
        DetailsRules.urls(Map.of("token_url", "http://127.0.0.1:8080/token"), List.of("token_url"));
        assertThrows(InvalidProviderDetailsException.class,
                () -> DetailsRules.urls(Map.of("token_url", "http://idp.example.com/token"), List.of("token_url")));
    }
}
