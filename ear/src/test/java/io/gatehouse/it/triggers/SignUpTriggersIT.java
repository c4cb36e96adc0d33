package io.gatehouse.it.triggers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.gatehouse.it.Gatehouse;
import io.gatehouse.it.cognito.Mailbox;
import io.gatehouse.it.support.TriggerStandIn;
import io.gatehouse.it.support.TriggerStandIn.Answer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserLambdaValidationException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.VerifiedAttributeType;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * PreSignUp beyond SignUp (PreSignUp_AdminCreateUser) and PostConfirmation on each confirmation
 * (PostConfirmation_ConfirmSignUp on ConfirmSignUp, AdminConfirmSignUp and a sign-up PreSignUp confirmed;
 * PostConfirmation_ConfirmForgotPassword), on webhooks: Cognito's events, the answers applied, and a refusal that
 * leaves nothing written (the confirmation not applied, its code still good).
 */
class SignUpTriggersIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "Sign-Up-Pass-1";

    @RegisterExtension
    static final GreenMailExtension MAIL = Mailbox.smtpServer();

    private static CognitoIdentityProviderClient cognito;
    private static TriggerStandIn standIn;
    private String poolId;
    private String clientId;

    @BeforeAll
    static void start() throws Exception {
        cognito = Gatehouse.adminClient();
        standIn = new TriggerStandIn();
    }

    @AfterAll
    static void stop() {
        standIn.close();
        cognito.close();
    }

    @BeforeEach
    void pool() {
        standIn.clear();
        standIn.on("/pre-sign-up", event -> Answer.respond(event, json("{}")));
        standIn.on("/post-confirmation", event -> Answer.respond(event, json("{}")));
        poolId = cognito.createUserPool(r -> r.poolName("sign-up-triggers").autoVerifiedAttributes(
                VerifiedAttributeType.EMAIL).lambdaConfig(l -> l.preSignUp(standIn.url("/pre-sign-up"))
                .postConfirmation(standIn.url("/post-confirmation")))).userPool().id();
        clientId = cognito.createUserPoolClient(r -> r.userPoolId(poolId).clientName("app")
                .explicitAuthFlows(ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH,
                        ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH)).userPoolClient().clientId();
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static AttributeType attribute(String name, String value) {
        return AttributeType.builder().name(name).value(value).build();
    }

    private String signUp(String username) throws Exception {
        cognito.signUp(r -> r.clientId(clientId).username(username).password(PASSWORD)
                .userAttributes(attribute("email", username + "@corp.example")));
        return Mailbox.lastCodeTo(MAIL, username + "@corp.example");
    }

    private String status(String username) {
        return cognito.adminGetUser(r -> r.userPoolId(poolId).username(username)).userStatusAsString();
    }

    @Test
    void adminCreateUserWhenPreSignUpVerifiesTheEmailThenVerifiedAndTheEventWasPreSignUpAdminCreateUser() {
        standIn.on("/pre-sign-up", event -> Answer.respond(event, json(
                "{\"autoConfirmUser\":true,\"autoVerifyEmail\":true}")));

        cognito.adminCreateUser(r -> r.userPoolId(poolId).username("ada").messageAction("SUPPRESS")
                .userAttributes(attribute("email", "ada@corp.example"))
                .validationData(attribute("ticket", "T-1")).clientMetadata(Map.of("by", "hr")));

        var user = cognito.adminGetUser(r -> r.userPoolId(poolId).username("ada"));
        assertThat(user.userStatusAsString()).isEqualTo("FORCE_CHANGE_PASSWORD");
        assertThat(user.userAttributes()).contains(attribute("email_verified", "true"));
        JsonNode event = standIn.events("PreSignUp_AdminCreateUser").get(0);
        assertThat(event.path("userName").asText()).isEqualTo("ada");
        assertThat(event.path("userPoolId").asText()).isEqualTo(poolId);
        assertThat(event.path("request").path("userAttributes").path("email").asText()).isEqualTo("ada@corp.example");
        assertThat(event.path("request").path("validationData").path("ticket").asText()).isEqualTo("T-1");
        assertThat(event.path("request").path("clientMetadata").path("by").asText()).isEqualTo("hr");
        assertThat(standIn.events("PostConfirmation_ConfirmSignUp")).isEmpty();
    }

    @Test
    void adminCreateUserWhenPreSignUpRefusesThenUserLambdaValidationNoUserAndNoInvitation() {
        standIn.on("/pre-sign-up", event -> Answer.error("No contractors"));

        assertThatThrownBy(() -> cognito.adminCreateUser(r -> r.userPoolId(poolId).username("cid")
                .desiredDeliveryMediumsWithStrings("EMAIL").userAttributes(attribute("email", "cid@corp.example"))))
                .isInstanceOf(UserLambdaValidationException.class)
                .hasMessageStartingWith("PreSignUp failed with error No contractors.");
        assertThatThrownBy(() -> status("cid")).isInstanceOf(UserNotFoundException.class);
        assertThat(MAIL.getReceivedMessages()).noneMatch(m -> {
            try {
                return m.getAllRecipients()[0].toString().equals("cid@corp.example");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    void confirmSignUpThenPostConfirmationSeesTheConfirmedUserAndClientMetadata() throws Exception {
        String code = signUp("bea");

        cognito.confirmSignUp(r -> r.clientId(clientId).username("bea").confirmationCode(code)
                .clientMetadata(Map.of("source", "mobile")));

        JsonNode event = standIn.events("PostConfirmation_ConfirmSignUp").get(0);
        assertThat(event.path("userName").asText()).isEqualTo("bea");
        assertThat(event.path("callerContext").path("clientId").asText()).isEqualTo(clientId);
        JsonNode attributes = event.path("request").path("userAttributes");
        assertThat(attributes.path("cognito:user_status").asText()).isEqualTo("CONFIRMED");
        assertThat(attributes.path("email_verified").asText()).isEqualTo("true");
        assertThat(attributes.path("sub").asText()).isNotBlank();
        assertThat(event.path("request").path("clientMetadata").path("source").asText()).isEqualTo("mobile");
        assertThat(event.toString()).doesNotContain(code);
        assertThat(status("bea")).isEqualTo("CONFIRMED");
    }

    @Test
    void confirmSignUpWhenPostConfirmationRefusesThenNotConfirmedAndTheCodeStillHolds() throws Exception {
        String code = signUp("cal");
        standIn.on("/post-confirmation", event -> Answer.error("CRM is down"));

        assertThatThrownBy(() -> cognito.confirmSignUp(r -> r.clientId(clientId).username("cal")
                .confirmationCode(code))).isInstanceOf(UserLambdaValidationException.class)
                .hasMessageStartingWith("PostConfirmation failed with error CRM is down.");
        assertThat(status("cal")).isEqualTo("UNCONFIRMED");
        assertThat(cognito.adminGetUser(r -> r.userPoolId(poolId).username("cal")).userAttributes())
                .doesNotContain(attribute("email_verified", "true"));

        standIn.on("/post-confirmation", event -> Answer.respond(event, json("{}")));
        cognito.confirmSignUp(r -> r.clientId(clientId).username("cal").confirmationCode(code));
        assertThat(status("cal")).isEqualTo("CONFIRMED");
    }

    @Test
    void adminConfirmSignUpThenPostConfirmationAndARefusalLeavesTheUserUnconfirmed() throws Exception {
        signUp("dee");
        standIn.on("/post-confirmation", event -> Answer.error("not yet"));

        assertThatThrownBy(() -> cognito.adminConfirmSignUp(r -> r.userPoolId(poolId).username("dee")))
                .isInstanceOf(UserLambdaValidationException.class);
        assertThat(status("dee")).isEqualTo("UNCONFIRMED");

        standIn.on("/post-confirmation", event -> Answer.respond(event, json("{}")));
        cognito.adminConfirmSignUp(r -> r.userPoolId(poolId).username("dee").clientMetadata(Map.of("by", "ops")));
        assertThat(status("dee")).isEqualTo("CONFIRMED");
        JsonNode event = standIn.events("PostConfirmation_ConfirmSignUp").get(
                standIn.events("PostConfirmation_ConfirmSignUp").size() - 1);
        assertThat(event.path("request").path("clientMetadata").path("by").asText()).isEqualTo("ops");
        assertThat(event.path("request").path("userAttributes").path("cognito:user_status").asText())
                .isEqualTo("CONFIRMED");
    }

    @Test
    void signUpWhenPreSignUpConfirmsThenPostConfirmationRunsAndItsRefusalUndoesTheSignUp() {
        standIn.on("/pre-sign-up", event -> Answer.respond(event, json("{\"autoConfirmUser\":true}")));

        cognito.signUp(r -> r.clientId(clientId).username("eli").password(PASSWORD)
                .userAttributes(attribute("email", "eli@corp.example")).clientMetadata(Map.of("k", "v")));
        JsonNode event = standIn.events("PostConfirmation_ConfirmSignUp").get(0);
        assertThat(event.path("userName").asText()).isEqualTo("eli");
        assertThat(event.path("request").path("clientMetadata").path("k").asText()).isEqualTo("v");

        standIn.on("/post-confirmation", event2 -> Answer.error("full"));
        assertThatThrownBy(() -> cognito.signUp(r -> r.clientId(clientId).username("fay").password(PASSWORD)
                .userAttributes(attribute("email", "fay@corp.example"))))
                .isInstanceOf(UserLambdaValidationException.class);
        assertThatThrownBy(() -> status("fay")).isInstanceOf(UserNotFoundException.class);
    }

    @Test
    void confirmForgotPasswordThenPostConfirmationConfirmForgotPasswordAndARefusalKeepsTheOldPassword()
            throws Exception {
        String code = signUp("gil");
        cognito.confirmSignUp(r -> r.clientId(clientId).username("gil").confirmationCode(code));
        String resetCode = Mailbox.nextCodeTo(MAIL, "gil@corp.example", () -> cognito.forgotPassword(r -> r
                .clientId(clientId).username("gil")));
        standIn.on("/post-confirmation", event -> Answer.error("locked by policy"));

        assertThatThrownBy(() -> cognito.confirmForgotPassword(r -> r.clientId(clientId).username("gil")
                .confirmationCode(resetCode).password("New-Pass-22")))
                .isInstanceOf(UserLambdaValidationException.class)
                .hasMessageStartingWith("PostConfirmation failed with error locked by policy.");
        assertThat(signIn("gil", PASSWORD)).isTrue();
        assertThat(signIn("gil", "New-Pass-22")).isFalse();

        standIn.on("/post-confirmation", event -> Answer.respond(event, json("{}")));
        cognito.confirmForgotPassword(r -> r.clientId(clientId).username("gil").confirmationCode(resetCode)
                .password("New-Pass-22").clientMetadata(Map.of("channel", "web")));
        assertThat(signIn("gil", "New-Pass-22")).isTrue();
        var events = standIn.events("PostConfirmation_ConfirmForgotPassword");
        JsonNode event = events.get(events.size() - 1);
        assertThat(event.path("request").path("clientMetadata").path("channel").asText()).isEqualTo("web");
        assertThat(event.path("request").path("userAttributes").path("email").asText()).isEqualTo("gil@corp.example");
        assertThat(event.toString()).doesNotContain("New-Pass-22").doesNotContain(resetCode);
    }

    private boolean signIn(String username, String password) {
        try {
            cognito.initiateAuth(r -> r.clientId(clientId).authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                    .authParameters(Map.of("USERNAME", username, "PASSWORD", password)));
            return true;
        } catch (NotAuthorizedException e) {
            return false;
        }
    }
}
