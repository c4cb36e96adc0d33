package io.gatehouse.engine.identitypool.identity;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A SAML login's attributes as claims: several values (a JSON array of texts from the provider) as a list. */
class SamlLoginClaimsTest {

    @Test
    void claimsWhenSeveralValuesThenAListAndOtherwiseTheTextAsItCame() {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("groups", "[\"admins\",\"sales\"]");
        attributes.put("email", "a@example.test");
        attributes.put("odd", "[not json");
        attributes.put("numbers", "[1,2]");
        attributes.put("object", "{\"a\":1}");

        Map<String, Object> claims = SamlLogins.claims(attributes);

        assertEquals(List.of("admins", "sales"), claims.get("groups"));
        assertEquals("a@example.test", claims.get("email"));
        assertEquals("[not json", claims.get("odd"));
        assertEquals("[1,2]", claims.get("numbers"), "not an array of texts: kept as it came");
        assertEquals("{\"a\":1}", claims.get("object"));
    }
}
