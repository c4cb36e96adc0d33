package io.gatehouse.engine.users;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatehouse.engine.error.ServiceException;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What an answer to NEW_PASSWORD_REQUIRED may write: only what the user lacks. */
class NewPasswordAttributesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode pool() throws Exception {
        return JSON.readTree("""
                {"SchemaAttributes": [
                  {"Name": "sub", "Required": true, "Mutable": false},
                  {"Name": "email", "AttributeDataType": "String"},
                  {"Name": "email_verified", "AttributeDataType": "Boolean"},
                  {"Name": "given_name", "Required": true},
                  {"Name": "custom:role", "Mutable": false},
                  {"Name": "custom:team", "Mutable": false}
                ]}""");
    }

    private static final JsonNode NO_CLIENT_LIMITS = JSON.createObjectNode();
    private static final Map<String, String> INVITED = Map.of("sub", "s-1", "email", "ivan@example.com",
            "email_verified", "true", "custom:role", "intern");

    @Test
    void answerWhenItChangesAnAttributeTheUserHasThenRefused() throws Exception {
        for (String name : new String[]{"email", "custom:role"}) {
            assertThatThrownBy(() -> AttributeRules.checkNewPasswordAnswer(pool(), NO_CLIENT_LIMITS, INVITED,
                    Map.of("given_name", "Ivan", name, "changed@corp.example")))
                    .isInstanceOf(ServiceException.class).hasMessage("Cannot modify an already provided " + name);
        }
    }

    @Test
    void answerWhenItFillsInWhatIsMissingThenOnlyThatIsWritten() throws Exception {
        Map<String, String> added = AttributeRules.checkNewPasswordAnswer(pool(), NO_CLIENT_LIMITS, INVITED,
                Map.of("given_name", "Ivan", "email", "ivan@example.com", "custom:team", "blue"));

        // An immutable attribute with no value yet may be given once; a repeated value is no change.
        assertThat(added).containsOnly(Map.entry("given_name", "Ivan"), Map.entry("custom:team", "blue"));
    }

    @Test
    void answerWhenARequiredAttributeStaysMissingOrAFlagIsGivenThenRefused() throws Exception {
        assertThatThrownBy(() -> AttributeRules.checkNewPasswordAnswer(pool(), NO_CLIENT_LIMITS, INVITED, Map.of()))
                .isInstanceOf(ServiceException.class).hasMessageContaining("given_name: The attribute is required");
        assertThatThrownBy(() -> AttributeRules.checkNewPasswordAnswer(pool(), NO_CLIENT_LIMITS,
                Map.of("sub", "s-2", "given_name", "Ann"), Map.of("email", "ann@example.com", "email_verified", "true")))
                .isInstanceOf(ServiceException.class).hasMessageContaining("cannot be written by users");
    }

    @Test
    void answerWhenTheClientMayNotWriteTheAttributeThenNotAuthorized() throws Exception {
        JsonNode client = JSON.readTree("{\"WriteAttributes\": [\"given_name\"]}");

        assertThatThrownBy(() -> AttributeRules.checkNewPasswordAnswer(pool(), client, INVITED,
                Map.of("given_name", "Ivan", "custom:team", "blue")))
                .isInstanceOf(ServiceException.class).hasMessageContaining("unauthorized attribute");
    }
}
