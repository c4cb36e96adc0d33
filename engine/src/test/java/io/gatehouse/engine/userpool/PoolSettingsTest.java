package io.gatehouse.engine.userpool;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.engine.error.ServiceException;
import io.gatehouse.engine.json.Json;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PoolSettingsTest {

    @Test
    void forCreateWhenPasswordPolicyPartialThenUnsetFlagsFalseAndLengthsDefault() {
        ObjectNode settings = PoolSettings.forCreate(json("{\"PoolName\":\"p\",\"Policies\":{\"PasswordPolicy\":"
                + "{\"RequireNumbers\":true}}}"));

        JsonNode policy = settings.path("Policies").path("PasswordPolicy");
        assertThat(policy.path("RequireNumbers").asBoolean()).isTrue();
        assertThat(policy.path("RequireSymbols").asBoolean()).isFalse();
        assertThat(policy.path("MinimumLength").asInt()).isEqualTo(8);
        assertThat(policy.path("TemporaryPasswordValidityDays").asInt()).isEqualTo(7);
        assertThat(settings.has("PoolName")).isFalse();
    }

    @Test
    void forCreateWhenSchemaDeclaresCustomAndStandardThenMergedWithPrefix() {
        ObjectNode settings = PoolSettings.forCreate(json("{\"PoolName\":\"p\",\"Schema\":["
                + "{\"Name\":\"tier\",\"AttributeDataType\":\"Number\",\"NumberAttributeConstraints\":{\"MinValue\":\"1\"}},"
                + "{\"Name\":\"secret\",\"AttributeDataType\":\"String\",\"DeveloperOnlyAttribute\":true},"
                + "{\"Name\":\"email\",\"Required\":true,\"Mutable\":false}]}"));

        List<String> names = new ArrayList<>();
        settings.path("SchemaAttributes").forEach(a -> names.add(a.path("Name").asText()));
        assertThat(names).contains("sub", "email", "custom:tier", "dev:custom:secret").doesNotContain("tier");
        JsonNode email = find(settings, "email");
        assertThat(email.path("Required").asBoolean()).isTrue();
        assertThat(email.path("Mutable").asBoolean()).isFalse();
        assertThat(find(settings, "custom:tier").path("Mutable").asBoolean()).isTrue();
    }

    @Test
    void forCreateWhenSchemaInvalidThenInvalidParameter() {
        for (String schema : List.of(
                "[{\"Name\":\"tier\",\"AttributeDataType\":\"String\",\"Required\":true}]",
                "[{\"Name\":\"tier\",\"AttributeDataType\":\"String\"},{\"Name\":\"tier\",\"AttributeDataType\":\"String\"}]",
                "[{\"Name\":\"waytoolongforacustomname\",\"AttributeDataType\":\"String\"}]",
                "[{\"Name\":\"tier\"}]",
                "[{\"Name\":\"email\",\"AttributeDataType\":\"Number\"}]",
                "[{\"Name\":\"sub\",\"Mutable\":true}]",
                "[{\"Name\":\"n\",\"AttributeDataType\":\"String\",\"StringAttributeConstraints\":{\"MinLength\":\"9\",\"MaxLength\":\"2\"}}]",
                "[{\"Name\":\"n\",\"AttributeDataType\":\"Number\",\"NumberAttributeConstraints\":{\"MinValue\":\"one\"}}]")) {
            assertThatThrownBy(() -> PoolSettings.forCreate(json("{\"PoolName\":\"p\",\"Schema\":" + schema + "}")))
                    .as(schema)
                    .isInstanceOfSatisfying(ServiceException.class,
                            e -> assertThat(e.type()).isEqualTo("InvalidParameterException"));
        }
    }

    @Test
    void forUpdateWhenMemberLeftOutThenDefaultAndCreationOnlyKept() {
        ObjectNode created = PoolSettings.forCreate(json("{\"PoolName\":\"p\",\"UsernameAttributes\":[\"email\"],"
                + "\"MfaConfiguration\":\"OPTIONAL\",\"Schema\":[{\"Name\":\"tier\",\"AttributeDataType\":\"String\"}]}"));

        ObjectNode updated = PoolSettings.forUpdate(created, json("{\"UserPoolId\":\"us-east-1_x\","
                + "\"AutoVerifiedAttributes\":[\"email\"]}"));

        assertThat(updated.path("MfaConfiguration").asText()).isEqualTo("OFF");
        assertThat(updated.path("UsernameAttributes").toString()).isEqualTo("[\"email\"]");
        assertThat(updated.path("AutoVerifiedAttributes").toString()).isEqualTo("[\"email\"]");
        assertThat(updated.path("SchemaAttributes")).isEqualTo(created.path("SchemaAttributes"));
        assertThat(updated.has("UserPoolId")).isFalse();
    }

    /** Found by the fuzz pass: a declaration without a Name (optional in the model) was a NullPointerException. */
    @Test
    void withCustomAttributesWhenADeclarationHasNoNameThenInvalidParameter() {
        ObjectNode created = PoolSettings.forCreate(json("{\"PoolName\":\"p\"}"));

        assertThatThrownBy(() -> PoolSettings.withCustomAttributes(created,
                json("{\"a\":[{\"AttributeDataType\":\"String\",\"Required\":false}]}").get("a")))
                .isInstanceOfSatisfying(ServiceException.class,
                        e -> assertThat(e.type()).isEqualTo("InvalidParameterException"));
    }

    private static JsonNode find(ObjectNode settings, String name) {
        for (JsonNode a : settings.path("SchemaAttributes")) {
            if (a.path("Name").asText().equals(name)) {
                return a;
            }
        }
        throw new AssertionError(name + " not in schema");
    }

    static ObjectNode json(String text) {
        try {
            return (ObjectNode) Json.MAPPER.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
