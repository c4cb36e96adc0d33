package io.gatehouse.engine.userpool;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.engine.error.ServiceException;
import io.gatehouse.engine.json.Json;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns CreateUserPool and UpdateUserPool requests into a pool's stored settings: Cognito's defaults for what
 * the request leaves out, the schema built from the standard attributes plus the request's {@code Schema}, and
 * the rules that cross members, which the service model cannot express.
 */
final class PoolSettings {

    /** Members that identify the pool rather than configure it. */
    private static final Set<String> NOT_SETTINGS = Set.of("PoolName", "UserPoolId", "Schema");

    /** Members only CreateUserPool sets; UpdateUserPool leaves them as they are, as in Cognito. */
    static final Set<String> FIXED_AT_CREATION =
            Set.of("UsernameAttributes", "AliasAttributes", "UsernameConfiguration", "SchemaAttributes");

    private static final int MAX_CUSTOM_ATTRIBUTE_NAME = 20;
    private static final int MAX_CUSTOM_ATTRIBUTES = 50;
    private static final List<JsonNode> STANDARD_ATTRIBUTES = loadStandardAttributes();

    private PoolSettings() {
    }

    /** The settings of a new pool from a validated CreateUserPool request. */
    static ObjectNode forCreate(ObjectNode request) {
        ObjectNode settings = request.deepCopy();
        settings.remove(NOT_SETTINGS);
        if (nonEmpty(request, "UsernameAttributes") && nonEmpty(request, "AliasAttributes")) {
            throw ServiceException.invalidParameter(
                    "Only one of the aliasAttributes or usernameAttributes can be set in a User Pool.");
        }
        settings.set("SchemaAttributes", schemaAttributes(request.path("Schema")));
        ObjectNode created = withDefaults(settings);
        PoolMfa.applyPoolRequest(created, Json.MAPPER.createObjectNode());
        return created;
    }

    /**
     * The settings after a validated UpdateUserPool request. As in Cognito, every updatable member the request
     * leaves out returns to its default; the members fixed at creation stay.
     */
    static ObjectNode forUpdate(ObjectNode current, ObjectNode request) {
        ObjectNode settings = Json.MAPPER.createObjectNode();
        for (String fixed : FIXED_AT_CREATION) {
            if (current.has(fixed)) {
                settings.set(fixed, current.get(fixed).deepCopy());
            }
        }
        request.properties().forEach(e -> {
            if (!NOT_SETTINGS.contains(e.getKey())) {
                settings.set(e.getKey(), e.getValue().deepCopy());
            }
        });
        ObjectNode updated = withDefaults(settings);
        PoolMfa.applyPoolRequest(updated, current);
        return updated;
    }

    private static ObjectNode withDefaults(ObjectNode settings) {
        ObjectNode policies = objectAt(settings, "Policies");
        ObjectNode password = objectAt(policies, "PasswordPolicy");
        if (password.isEmpty()) {
            password.put("RequireUppercase", true).put("RequireLowercase", true)
                    .put("RequireNumbers", true).put("RequireSymbols", true);
        }
        putIfAbsent(password, "MinimumLength", 8);
        putIfAbsent(password, "TemporaryPasswordValidityDays", 7);
        for (String flag : List.of("RequireUppercase", "RequireLowercase", "RequireNumbers", "RequireSymbols")) {
            if (!password.has(flag)) {
                password.put(flag, false);
            }
        }
        ObjectNode signIn = objectAt(policies, "SignInPolicy");
        if (!signIn.has("AllowedFirstAuthFactors")) {
            signIn.putArray("AllowedFirstAuthFactors").add("PASSWORD");
        }
        putIfAbsent(settings, "DeletionProtection", "INACTIVE");
        putIfAbsent(settings, "MfaConfiguration", "OFF");
        putIfAbsent(settings, "UserPoolTier", "ESSENTIALS");
        objectAt(settings, "LambdaConfig");
        objectAt(settings, "UserPoolTags");
        putIfAbsent(objectAt(settings, "AdminCreateUserConfig"), "AllowAdminCreateUserOnly", false);
        putIfAbsent(objectAt(settings, "VerificationMessageTemplate"), "DefaultEmailOption", "CONFIRM_WITH_CODE");
        putIfAbsent(objectAt(settings, "EmailConfiguration"), "EmailSendingAccount", "COGNITO_DEFAULT");
        ObjectNode updates = objectAt(settings, "UserAttributeUpdateSettings");
        if (!updates.has("AttributesRequireVerificationBeforeUpdate")) {
            updates.putArray("AttributesRequireVerificationBeforeUpdate");
        }
        return settings;
    }

    /**
     * The pool's settings with more custom attributes (AddCustomAttributes). Names may come with or without the
     * {@code custom:} prefix; a name the pool already has is refused, as is going past the custom attribute limit.
     */
    static ObjectNode withCustomAttributes(JsonNode current, JsonNode added) {
        ObjectNode settings = current.deepCopy();
        ArrayNode schema = settings.withArray("SchemaAttributes");
        Set<String> names = new java.util.HashSet<>();
        int custom = 0;
        for (JsonNode attribute : schema) {
            String name = attribute.path("Name").asText();
            names.add(name);
            if (name.startsWith("custom:") || name.startsWith("dev:custom:")) {
                custom++;
            }
        }
        for (JsonNode declared : added) {
            ObjectNode attribute = customAttribute((ObjectNode) declared);
            String name = attribute.get("Name").asText();
            String plain = name.startsWith("dev:") ? name.substring("dev:".length()) : name;
            if (names.contains(plain) || names.contains("dev:" + plain) || !names.add(name)) {
                throw ServiceException.invalidParameter("Existing attribute already has name " + plain + ".");
            }
            schema.add(attribute);
            custom++;
        }
        if (custom > MAX_CUSTOM_ATTRIBUTES) {
            throw ServiceException.invalidParameter("A user pool can have at most " + MAX_CUSTOM_ATTRIBUTES
                    + " custom attributes.");
        }
        return settings;
    }

    /** The standard attributes, changed by the request's declarations of them, then its custom attributes. */
    private static ArrayNode schemaAttributes(JsonNode schema) {
        Map<String, ObjectNode> byName = new LinkedHashMap<>();
        STANDARD_ATTRIBUTES.forEach(a -> byName.put(a.get("Name").asText(), (ObjectNode) a.deepCopy()));
        Set<String> declared = new java.util.HashSet<>();
        int custom = 0;
        for (JsonNode attribute : schema) {
            String name = attribute.path("Name").asText("");
            if (name.isEmpty()) {
                throw ServiceException.invalidParameter("Every schema attribute needs a Name.");
            }
            if (!declared.add(name)) {
                throw ServiceException.invalidParameter("Duplicate schema attribute: " + name);
            }
            ObjectNode standard = byName.get(name);
            if (standard != null) {
                mergeStandard(standard, (ObjectNode) attribute);
            } else {
                custom++;
                ObjectNode added = customAttribute((ObjectNode) attribute);
                byName.put(added.get("Name").asText(), added);
            }
        }
        if (custom > MAX_CUSTOM_ATTRIBUTES) {
            throw ServiceException.invalidParameter("A user pool can have at most " + MAX_CUSTOM_ATTRIBUTES
                    + " custom attributes.");
        }
        ArrayNode out = Json.MAPPER.createArrayNode();
        byName.values().forEach(out::add);
        return out;
    }

    private static void mergeStandard(ObjectNode standard, ObjectNode declared) {
        String name = standard.get("Name").asText();
        if (declared.has("AttributeDataType")
                && !declared.get("AttributeDataType").asText().equals(standard.get("AttributeDataType").asText())) {
            throw ServiceException.invalidParameter("The standard attribute " + name + " has type "
                    + standard.get("AttributeDataType").asText() + "; it cannot be redeclared as "
                    + declared.get("AttributeDataType").asText() + ".");
        }
        if ("sub".equals(name) && (declared.path("Mutable").asBoolean(false)
                || declared.has("Required") && !declared.get("Required").asBoolean())) {
            throw ServiceException.invalidParameter("The sub attribute is always required and immutable.");
        }
        if (declared.path("DeveloperOnlyAttribute").asBoolean(false)) {
            throw ServiceException.invalidParameter("Standard attribute " + name + " cannot be developer-only.");
        }
        for (String field : List.of("Mutable", "Required", "StringAttributeConstraints",
                "NumberAttributeConstraints")) {
            if (declared.has(field)) {
                standard.set(field, declared.get(field).deepCopy());
            }
        }
    }

    private static ObjectNode customAttribute(ObjectNode declared) {
        // Name is optional in SchemaAttributeType: a declaration without one is refused below, as an empty name.
        String name = declared.path("Name").asText("");
        if (name.startsWith("custom:")) {
            name = name.substring("custom:".length());
        }
        if (name.isEmpty() || name.length() > MAX_CUSTOM_ATTRIBUTE_NAME) {
            throw ServiceException.invalidParameter("Custom attribute names are 1 to " + MAX_CUSTOM_ATTRIBUTE_NAME
                    + " characters: " + declared.path("Name").asText(""));
        }
        if (!declared.has("AttributeDataType")) {
            throw ServiceException.invalidParameter("Custom attribute " + name + " needs an AttributeDataType.");
        }
        if (declared.path("Required").asBoolean(false)) {
            throw ServiceException.invalidParameter("Required custom attributes are not supported currently.");
        }
        boolean developerOnly = declared.path("DeveloperOnlyAttribute").asBoolean(false);
        ObjectNode attribute = declared.deepCopy();
        attribute.put("Name", (developerOnly ? "dev:custom:" : "custom:") + name);
        attribute.put("DeveloperOnlyAttribute", developerOnly);
        putIfAbsent(attribute, "Mutable", true);
        attribute.put("Required", false);
        String type = attribute.get("AttributeDataType").asText();
        if ("String".equals(type)) {
            objectAt(attribute, "StringAttributeConstraints");
            checkRange(name, attribute.path("StringAttributeConstraints"), "MinLength", "MaxLength");
        } else if ("Number".equals(type)) {
            objectAt(attribute, "NumberAttributeConstraints");
            checkRange(name, attribute.path("NumberAttributeConstraints"), "MinValue", "MaxValue");
        }
        return attribute;
    }

    /** Constraint bounds are strings of integers in Cognito's model; the model only says "string". */
    private static void checkRange(String name, JsonNode constraints, String minField, String maxField) {
        Long min = integerField(name, constraints, minField);
        Long max = integerField(name, constraints, maxField);
        if (min != null && max != null && min > max) {
            throw ServiceException.invalidParameter("Custom attribute " + name + ": " + minField
                    + " must not exceed " + maxField + ".");
        }
    }

    private static Long integerField(String name, JsonNode constraints, String field) {
        if (!constraints.has(field)) {
            return null;
        }
        try {
            return Long.parseLong(constraints.get(field).asText());
        } catch (NumberFormatException e) {
            throw ServiceException.invalidParameter("Custom attribute " + name + ": " + field
                    + " must be an integer.");
        }
    }

    static ObjectNode objectAt(ObjectNode parent, String field) {
        JsonNode node = parent.get(field);
        if (node instanceof ObjectNode object) {
            return object;
        }
        return parent.putObject(field);
    }

    static void putIfAbsent(ObjectNode node, String field, Object value) {
        if (!node.has(field)) {
            node.set(field, Json.MAPPER.valueToTree(value));
        }
    }

    private static boolean nonEmpty(ObjectNode request, String field) {
        return request.has(field) && !request.get(field).isEmpty();
    }

    private static List<JsonNode> loadStandardAttributes() {
        try (InputStream in = PoolSettings.class.getResourceAsStream("standard-attributes.json")) {
            List<JsonNode> attributes = new java.util.ArrayList<>();
            Json.MAPPER.readTree(in).forEach(attributes::add);
            return List.copyOf(attributes);
        } catch (IOException e) {
            throw new UncheckedIOException("standard-attributes.json is missing from the engine", e);
        }
    }
}
