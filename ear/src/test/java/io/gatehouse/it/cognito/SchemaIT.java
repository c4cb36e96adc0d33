package io.gatehouse.it.cognito;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.gatehouse.it.Gatehouse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeDataType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.SchemaAttributeType;

import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Custom attributes added to a pool's schema, and what an app client may read of its users. */
class SchemaIT {

    private static final String PASSWORD = "Schema-Pass-1";

    private static CognitoIdentityProviderClient cognito;
    private static String poolId;

    @BeforeAll
    static void pool() {
        cognito = Gatehouse.adminClient();
        poolId = cognito.createUserPool(r -> r.poolName("schema")).userPool().id();
        cognito.addCustomAttributes(r -> r.userPoolId(poolId).customAttributes(
                SchemaAttributeType.builder().name("team").attributeDataType(AttributeDataType.STRING)
                        .stringAttributeConstraints(c -> c.minLength("1").maxLength("20")).build(),
                SchemaAttributeType.builder().name("level").attributeDataType(AttributeDataType.NUMBER)
                        .numberAttributeConstraints(c -> c.minValue("1").maxValue("10")).build()));
    }

    @AfterAll
    static void close() {
        cognito.close();
    }

    private static AttributeType attribute(String name, String value) {
        return AttributeType.builder().name(name).value(value).build();
    }

    private static String user(String team, String level) {
        String username = "s-" + UUID.randomUUID().toString().substring(0, 8);
        cognito.adminCreateUser(r -> r.userPoolId(poolId).username(username).messageAction(MessageActionType.SUPPRESS)
                .temporaryPassword("Temporary-Pass-1").userAttributes(attribute("email", username + "@example.com"),
                        attribute("custom:team", team), attribute("custom:level", level)));
        cognito.adminSetUserPassword(r -> r.userPoolId(poolId).username(username).password(PASSWORD).permanent(true));
        return username;
    }

    private static String client(String... readAttributes) {
        return cognito.createUserPoolClient(r -> r.userPoolId(poolId).clientName("reader")
                .explicitAuthFlows(ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH,
                        ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH)
                .readAttributes(readAttributes)).userPoolClient().clientId();
    }

    private static AuthenticationResultType signIn(String clientId, String username) {
        return cognito.initiateAuth(r -> r.clientId(clientId).authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", username, "PASSWORD", PASSWORD))).authenticationResult();
    }

    @Test
    void addCustomAttributesWhenAddedThenInSchemaAndTokensAndNamesCannotRepeat() throws Exception {
        assertThat(cognito.describeUserPool(r -> r.userPoolId(poolId)).userPool().schemaAttributes())
                .extracting(SchemaAttributeType::name).contains("custom:team", "custom:level");
        assertThatThrownBy(() -> cognito.addCustomAttributes(r -> r.userPoolId(poolId).customAttributes(
                SchemaAttributeType.builder().name("team").attributeDataType(AttributeDataType.STRING).build())))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("custom:team");

        String username = user("blue", "3");
        JWTClaimsSet id = SignedJWT.parse(signIn(client(), username).idToken()).getJWTClaimsSet();

        assertThat(id.getStringClaim("custom:team")).isEqualTo("blue");
        assertThat(id.getStringClaim("custom:level")).isEqualTo("3");
    }

    @Test
    void customAttributeWhenValueBreaksItsConstraintsThenInvalidParameterAndNoUser() {
        String username = "bad-" + UUID.randomUUID().toString().substring(0, 8);
        assertThatThrownBy(() -> cognito.adminCreateUser(r -> r.userPoolId(poolId).username(username)
                .messageAction(MessageActionType.SUPPRESS).temporaryPassword("Temporary-Pass-1")
                .userAttributes(attribute("custom:level", "11")))).isInstanceOf(InvalidParameterException.class);
        assertThat(cognito.listUsers(r -> r.userPoolId(poolId).filter("username = \"" + username + "\"")).users())
                .isEmpty();
    }

    @Test
    void readAttributesWhenClientNamesSomeThenGetUserAndIdTokenShowOnlyThose() throws Exception {
        String username = user("red", "7");
        String clientId = client("email", "custom:team");

        AuthenticationResultType tokens = signIn(clientId, username);
        JWTClaimsSet id = SignedJWT.parse(tokens.idToken()).getJWTClaimsSet();
        Map<String, String> seen = cognito.getUser(r -> r.accessToken(tokens.accessToken())).userAttributes().stream()
                .collect(Collectors.toMap(AttributeType::name, AttributeType::value));

        assertThat(seen).containsOnlyKeys("sub", "email", "custom:team");
        assertThat(id.getStringClaim("custom:team")).isEqualTo("red");
        assertThat(id.getClaim("custom:level")).isNull();
        assertThat(id.getSubject()).isEqualTo(seen.get("sub"));
    }
}
