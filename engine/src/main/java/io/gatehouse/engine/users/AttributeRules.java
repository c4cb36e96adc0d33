package io.gatehouse.engine.users;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatehouse.engine.error.ServiceException;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Checks user attributes a caller writes against the pool's schema and the app client's write permissions. */
final class AttributeRules {

    /** Never written by end users: the id, and the flags that only a verification may set. */
    private static final Set<String> SYSTEM_OWNED = Set.of("sub", "email_verified", "phone_number_verified",
            "identities");
    private static final int MAX_VALUE_LENGTH = 2048;
    /** Deliberately loose: one @, something on each side, a dot in the domain. Delivery is the real test. */
    private static final java.util.regex.Pattern EMAIL = java.util.regex.Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    /** E.164, as Cognito requires: a plus and up to fifteen digits. */
    private static final java.util.regex.Pattern PHONE = java.util.regex.Pattern.compile("\\+[1-9][0-9]{1,14}");

    private AttributeRules() {
    }

    /**
     * Validates attributes a user writes when signing up.
     *
     * @param poolSettings   the pool's settings (its {@code SchemaAttributes})
     * @param clientSettings the client's settings (its {@code WriteAttributes}, when set)
     * @param attributes     name to value
     * @throws ServiceException {@code InvalidParameterException} or {@code NotAuthorizedException}
     */
    static void checkSignUp(JsonNode poolSettings, JsonNode clientSettings, Map<String, String> attributes) {
        check(poolSettings, clientSettings, attributes, true, true);
    }

    /**
     * Validates attributes an administrator gives a new user: as at sign-up, but the verification flags may be
     * set, no app client limits what is written, and required attributes may be missing (the user is asked for
     * them in the NEW_PASSWORD_REQUIRED challenge).
     */
    static void checkAdminCreate(JsonNode poolSettings, Map<String, String> attributes) {
        check(poolSettings, com.fasterxml.jackson.databind.node.MissingNode.getInstance(),
                withoutVerificationFlags(poolSettings, attributes), true, false);
    }

    /**
     * Validates attributes an administrator changes: the verification flags may be set, no app client limits what
     * is written, immutable attributes stay as they are.
     */
    static void checkAdminUpdate(JsonNode poolSettings, Map<String, String> attributes) {
        check(poolSettings, com.fasterxml.jackson.databind.node.MissingNode.getInstance(),
                withoutVerificationFlags(poolSettings, attributes), false, false);
    }

    /**
     * Validates attributes a signed-in user changes: as at sign-up, and immutable attributes stay as they are.
     *
     * @throws ServiceException {@code InvalidParameterException} or {@code NotAuthorizedException}
     */
    static void checkUpdate(JsonNode poolSettings, JsonNode clientSettings, Map<String, String> attributes) {
        check(poolSettings, clientSettings, attributes, false, false);
    }

    /**
     * Validates the attributes a user gives while answering NEW_PASSWORD_REQUIRED and returns the ones to write.
     * As Cognito does, the step only fills in what the user lacks: an attribute that already has a value may be
     * repeated unchanged but not changed (UpdateUserAttributes is for that, with its own rules), so an invited user
     * cannot take over an address or an immutable attribute an administrator set. What the user adds must be
     * writable by the app client, and the profile must then meet the schema, required attributes included.
     *
     * @param current the user's attributes now
     * @param given   the {@code userAttributes.*} of the answer, without the prefix
     * @return the attributes the answer adds
     * @throws ServiceException {@code InvalidParameterException} or {@code NotAuthorizedException}
     */
    static Map<String, String> checkNewPasswordAnswer(JsonNode poolSettings, JsonNode clientSettings,
                                                      Map<String, String> current, Map<String, String> given) {
        Map<String, String> added = new HashMap<>();
        given.forEach((name, value) -> {
            String existing = current.get(name);
            if (existing == null) {
                added.put(name, value);
            } else if (!existing.equals(value)) {
                throw ServiceException.invalidParameter("Cannot modify an already provided " + name);
            }
        });
        Map<String, JsonNode> schema = schema(poolSettings);
        // Creating: an immutable attribute the user has no value for is theirs to give, once.
        writable(schema, clientSettings, added, true);
        Map<String, String> profile = new HashMap<>(current);
        profile.keySet().removeIf(n -> SYSTEM_OWNED.contains(n) || n.startsWith("dev:"));
        profile.putAll(added);
        List<String> problems = new ArrayList<>();
        added.forEach((name, value) -> checkValue(name, value, schema.get(name)).ifPresent(problems::add));
        missingRequired(schema, profile).forEach(n -> problems.add(n + ": The attribute is required"));
        if (!problems.isEmpty()) {
            throw ServiceException.invalidParameter("Attributes did not conform to the schema: "
                    + String.join(", ", problems));
        }
        return added;
    }

    /** The attributes the pool requires that {@code attributes} lacks, in the schema's order. */
    static List<String> missingRequired(JsonNode poolSettings, Map<String, String> attributes) {
        return missingRequired(schema(poolSettings), attributes);
    }

    private static List<String> missingRequired(Map<String, JsonNode> schema, Map<String, String> attributes) {
        List<String> missing = new ArrayList<>();
        for (JsonNode definition : schema.values()) {
            String name = definition.path("Name").asText();
            if (definition.path("Required").asBoolean(false) && !"sub".equals(name)
                    && !attributes.containsKey(name)) {
                missing.add(name);
            }
        }
        return missing;
    }

    /**
     * Validates the names of attributes a signed-in user deletes: they must exist, be theirs to write, and not be
     * required.
     */
    static void checkDelete(JsonNode poolSettings, JsonNode clientSettings, Iterable<String> names) {
        Map<String, String> asUpdate = new HashMap<>();
        names.forEach(n -> asUpdate.put(n, ""));
        Map<String, JsonNode> schema = schema(poolSettings);
        for (String name : asUpdate.keySet()) {
            JsonNode definition = schema.get(name);
            if (definition != null && definition.path("Required").asBoolean(false)) {
                throw ServiceException.invalidParameter("Attributes did not conform to the schema: " + name
                        + ": The attribute is required");
            }
        }
        writable(schema, clientSettings, asUpdate, false);
    }

    /** The attributes without the verification flags, which administrators may set: checked here, as booleans. */
    private static Map<String, String> withoutVerificationFlags(JsonNode poolSettings, Map<String, String> attributes) {
        Map<String, String> rest = new HashMap<>(attributes);
        Map<String, JsonNode> schema = schema(poolSettings);
        for (String flag : List.of("email_verified", "phone_number_verified")) {
            String value = rest.remove(flag);
            if (value != null) {
                checkValue(flag, value, schema.get(flag)).ifPresent(problem -> {
                    throw ServiceException.invalidParameter("Attributes did not conform to the schema: " + problem);
                });
            }
        }
        return rest;
    }

    private static Map<String, JsonNode> schema(JsonNode poolSettings) {
        Map<String, JsonNode> schema = new LinkedHashMap<>();
        poolSettings.path("SchemaAttributes").forEach(a -> schema.put(a.path("Name").asText(), a));
        return schema;
    }

    private static void writable(Map<String, JsonNode> schema, JsonNode clientSettings, Map<String, String> attributes,
                                 boolean creating) {
        for (String name : attributes.keySet()) {
            JsonNode definition = schema.get(name);
            if (definition == null || SYSTEM_OWNED.contains(name) || name.startsWith("dev:")) {
                throw ServiceException.invalidParameter("Attributes did not conform to the schema: " + name
                        + ": " + (definition == null ? "Attribute does not exist in the schema."
                        : "The attribute cannot be written by users."));
            }
            if (!creating && !definition.path("Mutable").asBoolean(true)) {
                throw ServiceException.invalidParameter("Cannot modify an immutable attribute: " + name);
            }
        }
        JsonNode allowed = clientSettings.path("WriteAttributes");
        if (allowed.isArray() && !allowed.isEmpty()) {
            Set<String> names = new java.util.HashSet<>();
            allowed.forEach(w -> names.add(w.asText()));
            for (String name : attributes.keySet()) {
                if (!names.contains(name)) {
                    throw new ServiceException("NotAuthorizedException",
                            "A client attempted to write unauthorized attribute");
                }
            }
        }
    }

    private static void check(JsonNode poolSettings, JsonNode clientSettings, Map<String, String> attributes,
                              boolean creating, boolean requireAll) {
        Map<String, JsonNode> schema = schema(poolSettings);
        writable(schema, clientSettings, attributes, creating);
        List<String> problems = new ArrayList<>();
        attributes.forEach((name, value) -> checkValue(name, value, schema.get(name)).ifPresent(problems::add));
        if (requireAll) {
            missingRequired(schema, attributes).forEach(n -> problems.add(n + ": The attribute is required"));
        }
        if (!problems.isEmpty()) {
            throw ServiceException.invalidParameter("Attributes did not conform to the schema: "
                    + String.join(", ", problems));
        }
    }

    private static java.util.Optional<String> checkValue(String name, String value, JsonNode definition) {
        if (value.length() > MAX_VALUE_LENGTH) {
            return java.util.Optional.of(name + ": The attribute value is longer than " + MAX_VALUE_LENGTH);
        }
        if ("email".equals(name) && !EMAIL.matcher(value).matches()) {
            return java.util.Optional.of("Invalid email address format.");
        }
        if ("phone_number".equals(name) && !PHONE.matcher(value).matches()) {
            return java.util.Optional.of("Invalid phone number format.");
        }
        switch (definition.path("AttributeDataType").asText("String")) {
            case "Boolean":
                if (!"true".equals(value) && !"false".equals(value)) {
                    return java.util.Optional.of(name + ": The attribute must be true or false");
                }
                break;
            case "Number":
                try {
                    BigDecimal number = new BigDecimal(value);
                    JsonNode limits = definition.path("NumberAttributeConstraints");
                    if (limits.has("MinValue") && number.compareTo(new BigDecimal(limits.get("MinValue").asText())) < 0
                            || limits.has("MaxValue")
                            && number.compareTo(new BigDecimal(limits.get("MaxValue").asText())) > 0) {
                        return java.util.Optional.of(name + ": The attribute is out of range");
                    }
                } catch (NumberFormatException e) {
                    return java.util.Optional.of(name + ": The attribute must be a number");
                }
                break;
            default:
                JsonNode limits = definition.path("StringAttributeConstraints");
                int length = value.codePointCount(0, value.length());
                if (limits.has("MinLength") && length < limits.get("MinLength").asInt()
                        || limits.has("MaxLength") && length > limits.get("MaxLength").asInt()) {
                    return java.util.Optional.of(name + ": The attribute length is out of range");
                }
        }
        return java.util.Optional.empty();
    }
}
