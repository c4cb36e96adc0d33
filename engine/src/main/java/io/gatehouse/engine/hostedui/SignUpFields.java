package io.gatehouse.engine.hostedui;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The sign-up form's fields for a pool: a user name unless the pool signs in by e-mail or phone, then each attribute
 * the pool requires or verifies, in the pool's schema order.
 */
final class SignUpFields {

    /** One input: the attribute it sets, its input type and autocomplete token (WCAG 1.3.5), and its label. */
    record Field(String name, String type, String autocomplete, boolean required, String label) {
    }

    private static final Map<String, String[]> INPUTS = Map.of(
            "email", new String[]{"email", "email"},
            "phone_number", new String[]{"tel", "tel"},
            "given_name", new String[]{"text", "given-name"},
            "family_name", new String[]{"text", "family-name"},
            "name", new String[]{"text", "name"},
            "birthdate", new String[]{"date", "bday"},
            "preferred_username", new String[]{"text", "nickname"});

    private SignUpFields() {
    }

    /** Whether users sign up with a user name of their choosing, rather than their e-mail address or phone. */
    static boolean needsUsername(JsonNode poolSettings) {
        return poolSettings.path("UsernameAttributes").isEmpty();
    }

    /** Inputs for the required attributes an invited user still lacks (the new-password step). */
    static List<Field> required(List<String> names, Locale locale) {
        return names.stream().map(name -> field(name, true, locale)).toList();
    }

    static List<Field> of(JsonNode poolSettings, Locale locale) {
        Set<String> wanted = new LinkedHashSet<>();
        poolSettings.path("UsernameAttributes").forEach(a -> wanted.add(a.asText()));
        poolSettings.path("AutoVerifiedAttributes").forEach(a -> wanted.add(a.asText()));
        Set<String> required = new LinkedHashSet<>();
        poolSettings.path("SchemaAttributes").forEach(a -> {
            String name = a.path("Name").asText();
            if (a.path("Required").asBoolean(false) && !"sub".equals(name)) {
                required.add(name);
            }
        });
        wanted.addAll(required);
        List<Field> fields = new ArrayList<>();
        for (String name : wanted) {
            // A sign-in attribute must be given when it is the only one; with both e-mail and phone, either will do.
            boolean mustFill = required.contains(name) || poolSettings.path("UsernameAttributes").size() == 1
                    && poolSettings.path("UsernameAttributes").get(0).asText().equals(name);
            fields.add(field(name, mustFill, locale));
        }
        return fields;
    }

    private static Field field(String name, boolean required, Locale locale) {
        String[] input = INPUTS.getOrDefault(name, new String[]{"text", "on"});
        String label = BundleMessages.message(locale, "attribute." + name);
        // A custom attribute has no translation: its own name, without the prefix, is the best label there is.
        return new Field(name, input[0], input[1], required, label != null ? label
                : name.startsWith("custom:") ? name.substring(7) : name);
    }
}
