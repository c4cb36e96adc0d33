package io.gatehouse.it.cognito;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.gatehouse.it.Gatehouse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeDataType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CodeMismatchException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.SchemaAttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UpdateUserAttributesResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.VerifiedAttributeType;

import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A signed-in user's own attributes, and verifying a changed e-mail address with the mailed code. */
class AttributesIT {

    @RegisterExtension
    static final GreenMailExtension MAIL = Mailbox.smtpServer();

    private static final String PASSWORD = "Correct-Horse-9";

    private static CognitoIdentityProviderClient cognito;
    private static String poolId;
    private static String clientId;

    @BeforeAll
    static void pool() {
        cognito = Gatehouse.adminClient();
        poolId = cognito.createUserPool(r -> r.poolName("attributes")
                .autoVerifiedAttributes(VerifiedAttributeType.EMAIL)
                .schema(SchemaAttributeType.builder().name("badge").attributeDataType(AttributeDataType.STRING)
                                .mutable(false).build(),
                        SchemaAttributeType.builder().name("given_name").required(true).build()))
                .userPool().id();
        clientId = Clients.passwordClient(cognito, poolId);
    }

    @AfterAll
    static void close() {
        cognito.close();
    }

    @Test
    void updateUserAttributesWhenEmailChangesThenUnverifiedUntilTheMailedCodeVerifiesIt() throws Exception {
        String access = signedInUser("olga");
        String newEmail = "olga-new-" + UUID.randomUUID() + "@example.com";

        UpdateUserAttributesResponse response = cognito.updateUserAttributes(r -> r.accessToken(access)
                .userAttributes(attribute("email", newEmail), attribute("nickname", "Olly")));

        assertThat(response.codeDeliveryDetailsList()).singleElement()
                .satisfies(d -> assertThat(d.destination()).isEqualTo("o***@e***"));
        assertThat(attributes(access)).containsEntry("email", newEmail).containsEntry("email_verified", "false")
                .containsEntry("nickname", "Olly");
        String code = Mailbox.lastCodeTo(MAIL, newEmail);
        String wrong = code.equals("000000") ? "111111" : "000000";
        assertThatThrownBy(() -> cognito.verifyUserAttribute(r -> r.accessToken(access).attributeName("email")
                .code(wrong))).isInstanceOf(CodeMismatchException.class);
        cognito.verifyUserAttribute(r -> r.accessToken(access).attributeName("email").code(code));

        assertThat(attributes(access)).containsEntry("email_verified", "true");
    }

    @Test
    void getUserAttributeVerificationCodeWhenAskedThenAFreshCodeVerifies() throws Exception {
        String access = signedInUser("paul");
        cognito.updateUserAttributes(r -> r.accessToken(access)
                .userAttributes(attribute("email", "paul-" + UUID.randomUUID() + "@example.com")));
        String email = attributes(access).get("email");

        cognito.getUserAttributeVerificationCode(r -> r.accessToken(access).attributeName("email"));
        String code = Mailbox.lastCodeTo(MAIL, email);
        cognito.verifyUserAttribute(r -> r.accessToken(access).attributeName("email").code(code));

        assertThat(attributes(access)).containsEntry("email_verified", "true");
    }

    @Test
    void updateUserAttributesWhenRulesBrokenThenInvalidParameterAndNothingChanged() throws Exception {
        String access = signedInUser("quinn");

        assertThatThrownBy(() -> cognito.updateUserAttributes(r -> r.accessToken(access)
                .userAttributes(attribute("custom:badge", "new"))))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("immutable");
        assertThatThrownBy(() -> cognito.updateUserAttributes(r -> r.accessToken(access)
                .userAttributes(attribute("nickname", "Q"), attribute("email_verified", "true"))))
                .isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> cognito.updateUserAttributes(r -> r.accessToken(access)
                .userAttributes(attribute("nickname", "Q"), attribute("email", "not-an-address"))))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("Invalid email address format.");

        assertThat(attributes(access)).doesNotContainKey("nickname").containsEntry("custom:badge", "b-1");
    }

    @Test
    void deleteUserAttributesWhenOptionalThenGoneAndWhenRequiredThenRefused() throws Exception {
        String access = signedInUser("rita");
        cognito.updateUserAttributes(r -> r.accessToken(access).userAttributes(attribute("nickname", "Ri")));

        cognito.deleteUserAttributes(r -> r.accessToken(access).userAttributeNames("nickname", "email"));

        assertThat(attributes(access)).doesNotContainKeys("nickname", "email", "email_verified");
        assertThatThrownBy(() -> cognito.deleteUserAttributes(r -> r.accessToken(access)
                .userAttributeNames("given_name"))).isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("required");
    }

    /** A confirmed user with a verified e-mail address and an immutable badge, signed in. */
    private static String signedInUser(String name) throws Exception {
        String username = name + "-" + UUID.randomUUID();
        String email = username + "@example.com";
        cognito.signUp(r -> r.clientId(clientId).username(username).password(PASSWORD)
                .userAttributes(attribute("email", email), attribute("given_name", name),
                        attribute("custom:badge", "b-1")));
        String code = Mailbox.lastCodeTo(MAIL, email);
        cognito.confirmSignUp(r -> r.clientId(clientId).username(username).confirmationCode(code));
        return cognito.initiateAuth(r -> r.clientId(clientId).authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", username, "PASSWORD", PASSWORD))).authenticationResult()
                .accessToken();
    }

    private static Map<String, String> attributes(String access) {
        return cognito.getUser(r -> r.accessToken(access)).userAttributes().stream()
                .collect(Collectors.toMap(AttributeType::name, AttributeType::value));
    }

    private static AttributeType attribute(String name, String value) {
        return AttributeType.builder().name(name).value(value).build();
    }
}
