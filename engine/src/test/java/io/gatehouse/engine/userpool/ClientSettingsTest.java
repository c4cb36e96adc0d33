package io.gatehouse.engine.userpool;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.engine.error.ServiceException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.gatehouse.engine.userpool.PoolSettingsTest.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClientSettingsTest {

    private final ObjectNode pool = PoolSettings.forCreate(json("{\"PoolName\":\"p\",\"Schema\":"
            + "[{\"Name\":\"tier\",\"AttributeDataType\":\"String\",\"Mutable\":false}]}"));

    @Test
    void fromWhenNothingGivenThenCognitoDefaults() {
        ObjectNode settings = ClientSettings.from(json("{\"UserPoolId\":\"u_1\",\"ClientName\":\"c\"}"), pool, false);

        assertThat(settings.path("AccessTokenValidity").asInt()).isEqualTo(60);
        assertThat(settings.path("TokenValidityUnits").path("AccessToken").asText()).isEqualTo("minutes");
        assertThat(settings.path("RefreshTokenValidity").asInt()).isEqualTo(30);
        assertThat(settings.path("TokenValidityUnits").path("RefreshToken").asText()).isEqualTo("days");
        assertThat(settings.path("PreventUserExistenceErrors").asText()).isEqualTo("ENABLED");
        assertThat(settings.path("AuthSessionValidity").asInt()).isEqualTo(3);
        assertThat(settings.has("ClientName")).isFalse();
    }

    @Test
    void fromWhenValueWithoutUnitThenCognitoDefaultUnit() {
        ObjectNode settings = ClientSettings.from(json("{\"IdTokenValidity\":2,\"RefreshTokenValidity\":7}"), pool,
                false);

        assertThat(settings.path("TokenValidityUnits").path("IdToken").asText()).isEqualTo("hours");
        assertThat(settings.path("TokenValidityUnits").path("RefreshToken").asText()).isEqualTo("days");
    }

    @Test
    void fromWhenUnitWithoutValueThenDefaultDurationInThatUnit() {
        ObjectNode settings = ClientSettings.from(json("{\"TokenValidityUnits\":{\"AccessToken\":\"seconds\"}}"),
                pool, false);

        assertThat(settings.path("AccessTokenValidity").asInt()).isEqualTo(3600);
    }

    @Test
    void fromWhenRulesBrokenThenInvalidParameter() {
        for (String request : List.of(
                "{\"AccessTokenValidity\":4,\"TokenValidityUnits\":{\"AccessToken\":\"minutes\"}}",
                "{\"RefreshTokenValidity\":3651}",
                "{\"RefreshTokenValidity\":59,\"TokenValidityUnits\":{\"RefreshToken\":\"minutes\"}}",
                "{\"ExplicitAuthFlows\":[\"USER_PASSWORD_AUTH\",\"ALLOW_USER_SRP_AUTH\"]}",
                "{\"ReadAttributes\":[\"custom:nope\"]}",
                "{\"WriteAttributes\":[\"custom:tier\"]}",
                "{\"AllowedOAuthFlows\":[\"code\"],\"AllowedOAuthScopes\":[\"openid\"]}",
                "{\"AllowedOAuthFlowsUserPoolClient\":true}",
                "{\"CallbackURLs\":[\"https://a\"],\"DefaultRedirectURI\":\"https://b\"}",
                "{\"AllowedOAuthFlows\":[\"client_credentials\"]}")) {
            assertThatThrownBy(() -> ClientSettings.from(json(request), pool, false)).as(request)
                    .isInstanceOfSatisfying(ServiceException.class,
                            e -> assertThat(e.type()).isEqualTo("InvalidParameterException"));
        }
    }

    @Test
    void fromWhenConfidentialClientCredentialsThenAccepted() {
        ObjectNode settings = ClientSettings.from(json("{\"AllowedOAuthFlows\":[\"client_credentials\"],"
                + "\"AllowedOAuthScopes\":[\"api/read\"],\"AllowedOAuthFlowsUserPoolClient\":true}"), pool, true);

        assertThat(settings.path("AllowedOAuthFlows").get(0).asText()).isEqualTo("client_credentials");
    }
}
