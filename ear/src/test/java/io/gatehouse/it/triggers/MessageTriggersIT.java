package io.gatehouse.it.triggers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import io.gatehouse.it.Gatehouse;
import io.gatehouse.it.cognito.Mailbox;
import io.gatehouse.it.support.TriggerStandIn;
import io.gatehouse.it.support.TriggerStandIn.Answer;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ChallengeNameType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidLambdaResponseException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserLambdaValidationException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolMfaType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.VerifiedAttributeType;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The CustomMessage trigger on a webhook for each of its sources: Cognito's event (the code never in it), the
 * trigger's text sent with the code put in by the server, the pool's text where the trigger writes none, and the
 * answers Cognito refuses (no code placeholder, an invitation without the user name, a thrown error) with nothing
 * written.
 */
class MessageTriggersIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "Message-Pass-1";

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

    /** A trigger that writes every message, naming its source and keeping the placeholders it was given. */
    private static Answer writes(JsonNode event) {
        String source = event.path("triggerSource").asText();
        JsonNode request = event.path("request");
        String who = request.path("usernameParameter").isTextual()
                ? " user " + request.path("usernameParameter").asText() : "";
        ObjectNode response = JSON.createObjectNode()
                .put("emailSubject", "Subject of " + source)
                .put("emailMessage", "[" + source + "]" + who + " code " + request.path("codeParameter").asText())
                .put("smsMessage", "[" + source + "]" + who + " sms " + request.path("codeParameter").asText());
        return Answer.respond(event, response);
    }

    @BeforeEach
    void pool() {
        standIn.clear();
        standIn.on("/custom-message", MessageTriggersIT::writes);
        poolId = cognito.createUserPool(r -> r.poolName("message-triggers").autoVerifiedAttributes(
                VerifiedAttributeType.EMAIL).lambdaConfig(l -> l.customMessage(standIn.url("/custom-message"))))
                .userPool().id();
        clientId = cognito.createUserPoolClient(r -> r.userPoolId(poolId).clientName("app")
                .explicitAuthFlows(ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH,
                        ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH)).userPoolClient().clientId();
    }

    private static AttributeType attribute(String name, String value) {
        return AttributeType.builder().name(name).value(value).build();
    }

    private void signUp(String username) {
        cognito.signUp(r -> r.clientId(clientId).username(username).password(PASSWORD)
                .userAttributes(attribute("email", username + "@corp.example"))
                .clientMetadata(Map.of("campaign", "spring")));
    }

    private JsonNode lastEvent(String source) {
        List<JsonNode> events = standIn.events(source);
        assertThat(events).as(source + " events").isNotEmpty();
        return events.get(events.size() - 1);
    }

    private static String body(MimeMessage mail) {
        return GreenMailUtil.getBody(mail);
    }

    @Test
    void signUpThenTheTriggersMailWithTheCodePutInAndTheEventWasCognitosWithoutTheCode() throws Exception {
        signUp("amy");

        MimeMessage mail = Mailbox.lastMailTo(MAIL, "amy@corp.example");
        assertThat(mail.getSubject()).isEqualTo("Subject of CustomMessage_SignUp");
        assertThat(body(mail)).matches("(?s)\\[CustomMessage_SignUp] code \\d{6}\\s*");
        String code = Mailbox.code(mail);
        JsonNode event = lastEvent("CustomMessage_SignUp");
        assertThat(event.path("userName").asText()).isEqualTo("amy");
        assertThat(event.path("callerContext").path("clientId").asText()).isEqualTo(clientId);
        JsonNode request = event.path("request");
        assertThat(request.path("codeParameter").asText()).isEqualTo("{####}");
        assertThat(request.path("usernameParameter").isNull()).isTrue();
        assertThat(request.path("linkParameter").isNull()).isTrue();
        assertThat(request.path("userAttributes").path("email").asText()).isEqualTo("amy@corp.example");
        assertThat(request.path("userAttributes").path("cognito:user_status").asText()).isEqualTo("UNCONFIRMED");
        assertThat(request.path("clientMetadata").path("campaign").asText()).isEqualTo("spring");
        assertThat(event.toString()).doesNotContain(code);

        cognito.confirmSignUp(r -> r.clientId(clientId).username("amy").confirmationCode(code));
    }

    @Test
    void resendAndForgotPasswordThenTheirOwnSources() throws Exception {
        signUp("ben");
        String resent = Mailbox.nextCodeTo(MAIL, "ben@corp.example", () -> cognito.resendConfirmationCode(r -> r
                .clientId(clientId).username("ben").clientMetadata(Map.of("why", "lost"))));
        assertThat(body(Mailbox.lastMailTo(MAIL, "ben@corp.example"))).startsWith("[CustomMessage_ResendCode]");
        assertThat(lastEvent("CustomMessage_ResendCode").path("request").path("clientMetadata").path("why").asText())
                .isEqualTo("lost");
        cognito.confirmSignUp(r -> r.clientId(clientId).username("ben").confirmationCode(resent));

        String reset = Mailbox.nextCodeTo(MAIL, "ben@corp.example", () -> cognito.forgotPassword(r -> r
                .clientId(clientId).username("ben")));
        MimeMessage mail = Mailbox.lastMailTo(MAIL, "ben@corp.example");
        assertThat(mail.getSubject()).isEqualTo("Subject of CustomMessage_ForgotPassword");
        assertThat(lastEvent("CustomMessage_ForgotPassword").path("request").path("userAttributes")
                .path("cognito:user_status").asText()).isEqualTo("CONFIRMED");
        cognito.confirmForgotPassword(r -> r.clientId(clientId).username("ben").confirmationCode(reset)
                .password("Message-Pass-2"));
    }

    @Test
    void adminCreateUserThenTheInvitationHasTheUsernameAndTheTemporaryPasswordPutIn() throws Exception {
        cognito.adminCreateUser(r -> r.userPoolId(poolId).username("cat").temporaryPassword("Temp-Pass-77!")
                .desiredDeliveryMediumsWithStrings("EMAIL").userAttributes(attribute("email", "cat@corp.example"))
                .clientMetadata(Map.of("by", "hr")));

        MimeMessage mail = Mailbox.lastMailTo(MAIL, "cat@corp.example");
        assertThat(body(mail).strip()).isEqualTo("[CustomMessage_AdminCreateUser] user cat code Temp-Pass-77!");
        JsonNode event = lastEvent("CustomMessage_AdminCreateUser");
        assertThat(event.path("request").path("usernameParameter").asText()).isEqualTo("{username}");
        assertThat(event.path("request").path("userAttributes").path("cognito:user_status").asText())
                .isEqualTo("FORCE_CHANGE_PASSWORD");
        assertThat(event.path("request").path("clientMetadata").path("by").asText()).isEqualTo("hr");
        assertThat(event.toString()).doesNotContain("Temp-Pass-77!");
    }

    @Test
    void updateAndVerifyUserAttributeThenTheirOwnSources() throws Exception {
        signUp("dan");
        String code = Mailbox.lastCodeTo(MAIL, "dan@corp.example");
        cognito.confirmSignUp(r -> r.clientId(clientId).username("dan").confirmationCode(code));
        String token = cognito.initiateAuth(r -> r.clientId(clientId).authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", "dan", "PASSWORD", PASSWORD))).authenticationResult().accessToken();

        cognito.updateUserAttributes(r -> r.accessToken(token).userAttributes(attribute("email", "dan2@corp.example"))
                .clientMetadata(Map.of("screen", "profile")));
        assertThat(body(Mailbox.lastMailTo(MAIL, "dan2@corp.example"))).startsWith("[CustomMessage_UpdateUserAttribute]");
        JsonNode updated = lastEvent("CustomMessage_UpdateUserAttribute");
        assertThat(updated.path("request").path("userAttributes").path("email").asText())
                .isEqualTo("dan2@corp.example");
        assertThat(updated.path("request").path("clientMetadata").path("screen").asText()).isEqualTo("profile");

        String again = Mailbox.nextCodeTo(MAIL, "dan2@corp.example", () -> cognito.getUserAttributeVerificationCode(
                r -> r.accessToken(token).attributeName("email")));
        assertThat(body(Mailbox.lastMailTo(MAIL, "dan2@corp.example"))).startsWith("[CustomMessage_VerifyUserAttribute]");
        cognito.verifyUserAttribute(r -> r.accessToken(token).attributeName("email").code(again));
    }

    @Test
    void smsMfaCodeThenCustomMessageAuthenticationWritesTheText() throws Exception {
        String pool = cognito.createUserPool(r -> r.poolName("message-mfa").mfaConfiguration(UserPoolMfaType.ON)
                .smsAuthenticationMessage("Pool code {####}").lambdaConfig(l -> l.customMessage(
                        standIn.url("/custom-message")))).userPool().id();
        String client = cognito.createUserPoolClient(r -> r.userPoolId(pool).clientName("mfa").explicitAuthFlows(
                ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH, ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH))
                .userPoolClient().clientId();
        String phone = "+1555" + (1_000_000 + new java.util.Random().nextInt(8_999_999));
        String username = "texted-" + UUID.randomUUID();
        cognito.adminCreateUser(r -> r.userPoolId(pool).username(username).messageAction("SUPPRESS")
                .userAttributes(attribute("phone_number", phone)));
        cognito.adminSetUserPassword(r -> r.userPoolId(pool).username(username).password(PASSWORD).permanent(true));

        InitiateAuthResponse challenge = cognito.initiateAuth(r -> r.clientId(client)
                .authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", username, "PASSWORD", PASSWORD)));

        assertThat(challenge.challengeName()).isEqualTo(ChallengeNameType.SMS_MFA);
        List<String> texts = textsTo(phone);
        Matcher code = Pattern.compile("\\[CustomMessage_Authentication] sms (\\d{6})")
                .matcher(texts.get(texts.size() - 1));
        assertThat(code.find()).as(texts.get(texts.size() - 1)).isTrue();
        JsonNode event = lastEvent("CustomMessage_Authentication");
        assertThat(event.path("userPoolId").asText()).isEqualTo(pool);
        assertThat(event.path("callerContext").path("clientId").asText()).isEqualTo(client);
        assertThat(event.toString()).doesNotContain(code.group(1));
        assertThat(cognito.respondToAuthChallenge(r -> r.clientId(client).challengeName(ChallengeNameType.SMS_MFA)
                .session(challenge.session()).challengeResponses(Map.of("USERNAME", username,
                        "SMS_MFA_CODE", code.group(1)))).authenticationResult().accessToken()).isNotBlank();
    }

    @Test
    void signUpWhenTheTriggerWritesNothingThenThePoolsMessage() throws Exception {
        standIn.on("/custom-message", event -> Answer.respond(event, JSON.createObjectNode()));

        signUp("eve");

        MimeMessage mail = Mailbox.lastMailTo(MAIL, "eve@corp.example");
        assertThat(body(mail)).startsWith("Your verification code is ");
        assertThat(mail.getSubject()).isEqualTo("Your verification code");
    }

    @Test
    void signUpWhenTheMessageLacksTheCodeParameterThenInvalidLambdaResponseAndNoUser() {
        standIn.on("/custom-message", event -> Answer.respond(event, JSON.createObjectNode()
                .put("emailMessage", "Welcome aboard")));

        assertThatThrownBy(() -> signUp("fay")).isInstanceOf(InvalidLambdaResponseException.class)
                .hasMessageContaining("{####}");
        assertThatThrownBy(() -> cognito.adminGetUser(r -> r.userPoolId(poolId).username("fay")))
                .isInstanceOf(UserNotFoundException.class);
    }

    @Test
    void adminCreateUserWhenTheInvitationLacksTheUsernameThenInvalidLambdaResponseAndNoUser() {
        standIn.on("/custom-message", event -> Answer.respond(event, JSON.createObjectNode()
                .put("emailMessage", "Your password is {####}")));

        assertThatThrownBy(() -> cognito.adminCreateUser(r -> r.userPoolId(poolId).username("gus")
                .desiredDeliveryMediumsWithStrings("EMAIL").userAttributes(attribute("email", "gus@corp.example"))))
                .isInstanceOf(InvalidLambdaResponseException.class).hasMessageContaining("{username}");
        assertThatThrownBy(() -> cognito.adminGetUser(r -> r.userPoolId(poolId).username("gus")))
                .isInstanceOf(UserNotFoundException.class);
    }

    @Test
    void signUpWhenTheTriggerThrowsThenUserLambdaValidationAndNoUser() {
        standIn.on("/custom-message", event -> Answer.error("template store unavailable"));

        assertThatThrownBy(() -> signUp("hal")).isInstanceOf(UserLambdaValidationException.class)
                .hasMessageStartingWith("CustomMessage failed with error template store unavailable.");
        assertThatThrownBy(() -> cognito.adminGetUser(r -> r.userPoolId(poolId).username("hal")))
                .isInstanceOf(UserNotFoundException.class);
    }

    /** The texts the development SMS sender wrote whole to trace.log for {@code phone} (see MfaSignInIT). */
    static List<String> textsTo(String phone) throws Exception {
        return Files.readAllLines(Gatehouse.serverDir().resolve("logs/trace.log")).stream()
                .filter(line -> line.contains("SMS to " + phone + ", unmasked: ")).toList();
    }
}
