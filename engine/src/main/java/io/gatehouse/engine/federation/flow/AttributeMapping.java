package io.gatehouse.engine.federation.flow;

import java.util.HashMap;
import java.util.Map;

/**
 * An IdP's {@code AttributeMapping} applied to what it said of a user: pool attribute name to the IdP's claim name.
 * {@code username} is not an attribute (the user's name is made from the subject), and a claim the IdP did not send
 * leaves its attribute alone.
 */
final class AttributeMapping {

    private AttributeMapping() {
    }

    static Map<String, String> apply(Map<String, String> mapping, Map<String, String> claims) {
        Map<String, String> attributes = new HashMap<>();
        mapping.forEach((attribute, claim) -> {
            String value = claims.get(claim);
            if (!"username".equals(attribute) && value != null) {
                attributes.put(attribute, value);
            }
        });
        return attributes;
    }
}
