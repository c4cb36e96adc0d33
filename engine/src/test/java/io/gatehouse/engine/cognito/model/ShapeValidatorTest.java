package io.gatehouse.engine.cognito.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.engine.error.ServiceException;
import io.gatehouse.engine.json.Json;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ShapeValidatorTest {

    private static final ServiceModel MODEL = ServiceModel.load(Json.MAPPER, ServiceModel.COGNITO_IDP);
    private final ShapeValidator validator = new ShapeValidator(MODEL);

    @Test
    void modelWhenLoadedThenEveryPatternCompilesInJava() {
        List<String> broken = new ArrayList<>();
        for (Iterator<String> names = MODEL.shapeNames(); names.hasNext(); ) {
            JsonNode shape = MODEL.shape(names.next());
            if (shape.has("pattern")) {
                try {
                    Pattern.compile(shape.get("pattern").asText());
                } catch (RuntimeException e) {
                    broken.add(shape.get("pattern").asText());
                }
            }
        }
        assertThat(broken).isEmpty();
    }

    @Test
    void modelWhenLoadedThenPublicOperationsAreUnsignedAndManagementSigned() {
        assertThat(MODEL.operation("SignUp").orElseThrow().signed()).isFalse();
        assertThat(MODEL.operation("InitiateAuth").orElseThrow().signed()).isFalse();
        assertThat(MODEL.operation("CreateUserPool").orElseThrow().signed()).isTrue();
        assertThat(MODEL.operation("AdminCreateUser").orElseThrow().signed()).isTrue();
        assertThat(MODEL.operations()).hasSize(122);
    }

    @Test
    void identityModelWhenLoadedThenPatternsCompileAndOnlyTheIdentityCallsAreUnsigned() {
        ServiceModel identity = ServiceModel.load(Json.MAPPER, ServiceModel.COGNITO_IDENTITY);
        for (Iterator<String> names = identity.shapeNames(); names.hasNext(); ) {
            JsonNode shape = identity.shape(names.next());
            if (shape.has("pattern")) {
                Pattern.compile(shape.get("pattern").asText());
            }
        }

        assertThat(identity.targetPrefix()).isEqualTo("AWSCognitoIdentityService");
        assertThat(identity.operations()).hasSize(23);
        assertThat(identity.operations().values().stream().filter(o -> !o.signed())
                .map(ServiceModel.Operation::name)).containsExactlyInAnyOrder("GetId", "GetCredentialsForIdentity",
                "GetOpenIdToken", "UnlinkIdentity");
    }

    @Test
    void validateWhenValidThenUnknownMembersDropped() {
        ObjectNode result = validator.validate("CreateUserPoolRequest",
                json("{\"PoolName\":\"p\",\"Bogus\":1,\"Policies\":{\"PasswordPolicy\":{\"MinimumLength\":9,"
                        + "\"Extra\":true}}}"));

        assertThat(result.toString()).isEqualTo("{\"PoolName\":\"p\",\"Policies\":{\"PasswordPolicy\":"
                + "{\"MinimumLength\":9}}}");
    }

    /** Found by the fuzz pass: PostgreSQL refuses U+0000 in a query, so a lookup by such a name was a 500. */
    @Test
    void validateWhenAStringOrMapKeyHoldsNulThenViolationWithoutEchoingSensitiveValues() {
        assertThatThrownBy(() -> validator.validate("InitiateAuthRequest", json("{\"AuthFlow\":\"USER_PASSWORD_AUTH\","
                + "\"ClientId\":\"c\",\"AuthParameters\":{\"USERNAME\":\"a\\u0000b\"}}")))
                .hasMessage("1 validation error detected: Value at 'authParameters.value' failed to satisfy constraint: "
                        + "Member must not contain the character U+0000");
        assertThatThrownBy(() -> validator.validate("ListUsersRequest", json("{\"UserPoolId\":\"us-east-1_a\","
                + "\"Filter\":\"email = \\\"\\u0000\\\"\"}")))
                .hasMessageContaining("at 'filter' failed to satisfy constraint: Member must not contain the character");
    }

    @Test
    void validateWhenRequiredMissingThenNotNullViolation() {
        assertThatThrownBy(() -> validator.validate("ListUserPoolsRequest", json("{}")))
                .hasMessage("1 validation error detected: Value null at 'maxResults' failed to satisfy constraint: "
                        + "Member must not be null");
    }

    @Test
    void validateWhenNestedConstraintsBrokenThenPathsAreAwsStyle() {
        assertThatThrownBy(() -> validator.validate("CreateUserPoolRequest", json("{\"PoolName\":\"p\","
                + "\"Policies\":{\"PasswordPolicy\":{\"MinimumLength\":5}},"
                + "\"AutoVerifiedAttributes\":[\"email\",\"fax\"]}")))
                .isInstanceOfSatisfying(ServiceException.class, e -> {
                    assertThat(e.type()).isEqualTo("InvalidParameterException");
                    assertThat(e.getMessage()).startsWith("2 validation errors detected: ")
                            .contains("Value '5' at 'policies.passwordPolicy.minimumLength' failed to satisfy "
                                    + "constraint: Member must have value greater than or equal to 6")
                            .contains("Value 'fax' at 'autoVerifiedAttributes.2.member' failed to satisfy "
                                    + "constraint: Member must satisfy enum value set: [phone_number, email]");
                });
    }

    @Test
    void validateWhenPatternOrLengthBrokenThenViolations() {
        assertThatThrownBy(() -> validator.validate("DescribeUserPoolRequest", json("{\"UserPoolId\":\"nounderscore\"}")))
                .hasMessageContaining("Member must satisfy regular expression pattern: [\\w-]+_[0-9a-zA-Z]+");
        assertThatThrownBy(() -> validator.validate("CreateUserPoolRequest", json("{\"PoolName\":\"\"}")))
                .hasMessageContaining("Member must have length greater than or equal to 1");
    }

    @Test
    void validateWhenSensitiveValueBrokenThenValueNotEchoed() {
        assertThatThrownBy(() -> validator.validate("CreateUserPoolClientRequest",
                json("{\"UserPoolId\":\"us-east-1_abc\",\"ClientName\":\"c\",\"ClientSecret\":\"short-secret!\"}")))
                .hasMessageContaining("Value at 'clientSecret' failed")
                .hasMessageNotContaining("short-secret!");
    }

    @Test
    void validateWhenWrongJsonTypeThenSerializationException() {
        for (String body : List.of("{\"MaxResults\":\"ten\"}", "{\"MaxResults\":1.5}", "{\"MaxResults\":1,"
                + "\"NextToken\":7}")) {
            assertThatThrownBy(() -> validator.validate("ListUserPoolsRequest", json(body)))
                    .isInstanceOfSatisfying(ServiceException.class,
                            e -> assertThat(e.type()).isEqualTo("SerializationException"));
        }
        assertThatThrownBy(() -> validator.validate("ListUserPoolsRequest", json("[]")))
                .isInstanceOfSatisfying(ServiceException.class,
                        e -> assertThat(e.type()).isEqualTo("SerializationException"));
    }

    @Test
    void validateWhenMapAndListThenElementsChecked() {
        assertThatThrownBy(() -> validator.validate("CreateUserPoolRequest",
                json("{\"PoolName\":\"p\",\"UserPoolTags\":{\"" + "k".repeat(129) + "\":\"v\"}}")))
                .hasMessageContaining("at 'userPoolTags.key' failed to satisfy constraint");
    }

    @Test
    void validateWhenProviderTypeIsAThirdPartysThenLeftToTheOperation() {
        ObjectNode result = validator.validate("CreateIdentityProviderRequest", json("{\"UserPoolId\":"
                + "\"us-east-1_abc\",\"ProviderName\":\"octocat\",\"ProviderType\":\"GitHub\","
                + "\"ProviderDetails\":{}}"));

        assertThat(result.path("ProviderType").asText()).isEqualTo("GitHub");
        assertThatThrownBy(() -> validator.validate("CreateUserPoolRequest", json("{\"PoolName\":\"p\","
                + "\"MfaConfiguration\":\"SOMETIMES\"}"))).hasMessageContaining("enum value set");
    }

    private static JsonNode json(String text) {
        try {
            return Json.MAPPER.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
