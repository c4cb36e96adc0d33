package io.gatehouse.it.cognito;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.gatehouse.api.testing.Totp;
import io.gatehouse.it.Gatehouse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AccountTakeoverEventActionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminGetUserResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthEventType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.EventResponseType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolMfaType;

import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The second factors through Cognito's JavaScript libraries, unchanged but for their endpoint, under Node (see
 * IdentityJsIT): amazon-cognito-identity-js 6.3.21 and Amplify JS 6.22.1 sign in with SRP (their default), set up an
 * authenticator app (with an access token, and inside the sign-in with MFA_SETUP) and answer SOFTWARE_TOKEN_MFA with
 * codes from otplib, a TOTP implementation independent of the server's; amazon-cognito-identity-js answers an SMS
 * code, Amplify chooses among two methods and answers an e-mailed code. amazon-cognito-identity-js 6.3.21 has no
 * EMAIL_OTP (nor any e-mail MFA) support, so only Amplify runs that flow. A texted code asked for by adaptive
 * authentication (a sign-in risk policy of MFA_REQUIRED) reaches amazon-cognito-identity-js as any SMS_MFA does.
 */
class IdentityJsMfaIT {

    @RegisterExtension
    static final GreenMailExtension MAIL = Mailbox.smtpServer();

    private static final String PASSWORD = "Browser-Mfa-Pass-1";

    private static CognitoIdentityProviderClient cognito;
    /** MFA OPTIONAL, authenticator apps and e-mail codes. */
    private static String optionalPool;
    /** The pool's web client: no ExplicitAuthFlows, so SRP and refresh, as a console-made web client has. */
    private static String optionalWeb;
    /** MFA ON, authenticator apps only: a user with none sets one up in the sign-in. */
    private static String requiredPool;
    private static String requiredWeb;
    /** MFA ON, authenticator apps and e-mail codes: a user with neither sets one up in the sign-in. */
    private static String requiredBothPool;
    private static String requiredBothWeb;
    /** MFA OPTIONAL, authenticator apps and SMS codes. */
    private static String optionalSmsPool;
    private static String optionalSmsWeb;

    @BeforeAll
    static void pools() {
        cognito = Gatehouse.adminClient();
        optionalPool = cognito.createUserPool(r -> r.poolName("identity-js-mfa-optional")).userPool().id();
        cognito.setUserPoolMfaConfig(r -> r.userPoolId(optionalPool).mfaConfiguration(UserPoolMfaType.OPTIONAL)
                .softwareTokenMfaConfiguration(t -> t.enabled(true))
                .emailMfaConfiguration(e -> e.subject("Your sign-in code").message("Sign in with {####}.")));
        optionalWeb = webClient(optionalPool);
        requiredPool = cognito.createUserPool(r -> r.poolName("identity-js-mfa-on")).userPool().id();
        cognito.setUserPoolMfaConfig(r -> r.userPoolId(requiredPool).mfaConfiguration(UserPoolMfaType.ON)
                .softwareTokenMfaConfiguration(t -> t.enabled(true)));
        requiredWeb = webClient(requiredPool);
        requiredBothPool = cognito.createUserPool(r -> r.poolName("identity-js-mfa-on-email")).userPool().id();
        cognito.setUserPoolMfaConfig(r -> r.userPoolId(requiredBothPool).mfaConfiguration(UserPoolMfaType.ON)
                .softwareTokenMfaConfiguration(t -> t.enabled(true))
                .emailMfaConfiguration(e -> e.subject("Your sign-in code").message("Sign in with {####}.")));
        requiredBothWeb = webClient(requiredBothPool);
        optionalSmsPool = cognito.createUserPool(r -> r.poolName("identity-js-mfa-sms-totp")
                .smsAuthenticationMessage("Your code: {####}")).userPool().id();
        cognito.setUserPoolMfaConfig(r -> r.userPoolId(optionalSmsPool).mfaConfiguration(UserPoolMfaType.OPTIONAL)
                .softwareTokenMfaConfiguration(t -> t.enabled(true))
                .smsMfaConfiguration(m -> m.smsAuthenticationMessage("Your code: {####}")));
        optionalSmsWeb = webClient(optionalSmsPool);
    }

    @AfterAll
    static void close() {
        cognito.close();
    }

    @Test
    void libraryWhenUserSetsUpAnAuthenticatorThenNextSrpSignInAsksForItsCode() throws Exception {
        String username = user(optionalPool, Map.of());

        JsonNode result = cognitoJs(optionalPool, optionalWeb, "totp", username);

        assertThat(result.path("error").isMissingNode()).as(result.toString()).isTrue();
        assertThat(result.path("secretLength").asInt()).isGreaterThanOrEqualTo(16);
        assertThat(result.path("wrongSetupCode").asText()).isEqualTo("EnableSoftwareTokenMFAException");
        assertThat(result.path("verifyStatus").asText()).isEqualTo("SUCCESS");
        assertThat(result.path("preference").asText()).isEqualTo("SUCCESS");
        assertThat(result.path("preferredMfa").asText()).isEqualTo("SOFTWARE_TOKEN_MFA");
        assertThat(result.path("mfaSettings").toString()).isEqualTo("[\"SOFTWARE_TOKEN_MFA\"]");
        assertThat(result.path("challenge").asText()).isEqualTo("SOFTWARE_TOKEN_MFA");
        assertThat(result.path("wrongCode").asText()).isEqualTo("CodeMismatchException");
        assertThat(result.path("idTokenUser").asText()).isEqualTo(username);
        assertThat(result.path("accessTokenUse").asText()).isEqualTo("access");
        assertThat(cognito.adminGetUser(r -> r.userPoolId(optionalPool).username(username)).preferredMfaSetting())
                .isEqualTo("SOFTWARE_TOKEN_MFA");
    }

    @Test
    void libraryWhenPoolRequiresMfaAndUserHasNoneThenSetsUpAnAuthenticatorInsideTheSignIn() throws Exception {
        String username = user(requiredPool, Map.of());

        JsonNode result = cognitoJs(requiredPool, requiredWeb, "totp-setup", username);

        assertThat(result.path("error").isMissingNode()).as(result.toString()).isTrue();
        assertThat(result.path("challenge").asText()).isEqualTo("MFA_SETUP");
        assertThat(result.path("canSetUp").toString()).isEqualTo("[\"SOFTWARE_TOKEN_MFA\"]");
        assertThat(result.path("wrongSetupCode").asText()).isEqualTo("EnableSoftwareTokenMFAException");
        assertThat(result.path("idTokenUser").asText()).isEqualTo(username);
        assertThat(result.path("accessTokenUse").asText()).isEqualTo("access");
        assertThat(result.path("nextChallenge").asText()).isEqualTo("SOFTWARE_TOKEN_MFA");
        assertThat(result.path("nextSignedIn").asBoolean()).isTrue();
    }

    @Test
    void libraryWhenPoolTextsCodesThenAnswersTheSmsCode() throws Exception {
        String pool = cognito.createUserPool(r -> r.poolName("identity-js-mfa-sms").mfaConfiguration(UserPoolMfaType.ON)
                .smsAuthenticationMessage("Your code: {####}")).userPool().id();
        String client = webClient(pool);
        String phone = "+1555" + (1_000_000 + new java.util.Random().nextInt(8_999_999));
        String username = user(pool, Map.of("phone_number", phone));

        JsonNode result = NodeScripts.run("cognito-js.mjs", prompt -> {
            assertThat(prompt.path("prompt").asText()).isEqualTo("SMS_MFA");
            return lastTextedCode(phone);
        }, pool, client, "sms", username, PASSWORD);

        assertThat(result.path("error").isMissingNode()).as(result.toString()).isTrue();
        assertThat(result.path("challenge").asText()).isEqualTo("SMS_MFA");
        assertThat(result.path("medium").asText()).isEqualTo("SMS");
        assertThat(result.path("destination").asText()).isEqualTo("+*******" + phone.substring(phone.length() - 4));
        assertThat(result.path("wrongCode").asText()).isEqualTo("CodeMismatchException");
        assertThat(result.path("idTokenUser").asText()).isEqualTo(username);
    }

    @Test
    void libraryWhenSignInRiskRequiresMfaThenAUserWhoNeverTurnedItOnAnswersATextedCode() throws Exception {
        String pool = cognito.createUserPool(r -> r.poolName("identity-js-mfa-risk")
                .smsAuthenticationMessage("Your code: {####}")).userPool().id();
        cognito.setUserPoolMfaConfig(r -> r.userPoolId(pool).mfaConfiguration(UserPoolMfaType.OPTIONAL)
                .smsMfaConfiguration(m -> m.smsAuthenticationMessage("Your code: {####}")));
        String client = webClient(pool);
        String phone = "+1555" + (1_000_000 + new java.util.Random().nextInt(8_999_999));
        String username = user(pool, Map.of("phone_number", phone));

        // MFA is optional and the user never turned it on: the password is enough.
        JsonNode plain = NodeScripts.run("cognito-js.mjs", pool, client, "sign-in", username, PASSWORD);
        assertThat(plain.path("error").isMissingNode()).as(plain.toString()).isTrue();
        assertThat(plain.path("idTokenUser").asText()).isEqualTo(username);

        // Adaptive authentication requiring MFA at every level: the same library now gets a texted code to answer.
        cognito.setRiskConfiguration(r -> r.userPoolId(pool).accountTakeoverRiskConfiguration(t -> t.actions(a -> a
                .lowAction(l -> l.eventAction(AccountTakeoverEventActionType.MFA_REQUIRED).sendNotification(false))
                .mediumAction(m -> m.eventAction(AccountTakeoverEventActionType.MFA_REQUIRED).sendNotification(false))
                .highAction(h -> h.eventAction(AccountTakeoverEventActionType.MFA_REQUIRED).sendNotification(false)))));
        JsonNode result = NodeScripts.run("cognito-js.mjs", prompt -> {
            assertThat(prompt.path("prompt").asText()).isEqualTo("SMS_MFA");
            return lastTextedCode(phone);
        }, pool, client, "sms", username, PASSWORD);
        assertThat(result.path("error").isMissingNode()).as(result.toString()).isTrue();
        assertThat(result.path("challenge").asText()).isEqualTo("SMS_MFA");
        assertThat(result.path("wrongCode").asText()).isEqualTo("CodeMismatchException");
        assertThat(result.path("idTokenUser").asText()).isEqualTo(username);

        AuthEventType latest = cognito.adminListUserAuthEvents(r -> r.userPoolId(pool).username(username))
                .authEvents().get(0);
        assertThat(latest.eventResponse()).isEqualTo(EventResponseType.PASS);
        assertThat(latest.challengeResponses()).extracting(c -> c.challengeNameAsString() + ":"
                + c.challengeResponseAsString()).containsExactly("Password:Success", "Mfa:Failure", "Mfa:Success");
    }

    @Test
    void libraryWhenUserChoosesTheAuthenticatorThenWrongCodesEndTheSessionAndANewSignInPasses() throws Exception {
        String phone = "+1555" + (1_000_000 + new java.util.Random().nextInt(8_999_999));
        String username = user(optionalSmsPool, Map.of("phone_number", phone));
        String secret = enrolAuthenticator(optionalSmsPool, username);
        cognito.adminSetUserMFAPreference(r -> r.userPoolId(optionalSmsPool).username(username)
                .softwareTokenMfaSettings(s -> s.enabled(true)).smsMfaSettings(s -> s.enabled(true)));

        JsonNode result = NodeScripts.run("cognito-js.mjs", optionalSmsPool, optionalSmsWeb, "select-totp", username,
                PASSWORD, secret);

        assertThat(result.path("error").isMissingNode()).as(result.toString()).isTrue();
        assertThat(result.path("challenge").asText()).isEqualTo("SELECT_MFA_TYPE");
        assertThat(result.path("canChoose")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrder("SMS_MFA", "SOFTWARE_TOKEN_MFA");
        assertThat(result.path("chosen").asText()).isEqualTo("SOFTWARE_TOKEN_MFA");
        assertThat(result.path("wrongCodes").toString()).isEqualTo(
                "[\"CodeMismatchException\",\"CodeMismatchException\",\"CodeMismatchException\"]");
        assertThat(result.path("rightCodeAfterLimit").asText()).isEqualTo("NotAuthorizedException");
        assertThat(result.path("idTokenUser").asText()).isEqualTo(username);
        assertThat(result.path("accessTokenUse").asText()).isEqualTo("access");
    }

    @Test
    void amplifyWhenUserSetsUpAnAuthenticatorThenNextSignInConfirmsWithTotpCode() throws Exception {
        String username = user(optionalPool, Map.of());

        JsonNode result = amplify(optionalPool, optionalWeb, "totp", username);

        assertThat(result.path("error").isMissingNode()).as(result.toString()).isTrue();
        assertThat(result.path("firstStep").asText()).isEqualTo("DONE");
        assertThat(result.path("wrongSetupCode").asText()).isEqualTo("EnableSoftwareTokenMFAException");
        assertThat(result.path("preferred").asText()).isEqualTo("TOTP");
        assertThat(result.path("enabled").toString()).isEqualTo("[\"TOTP\"]");
        assertThat(result.path("challengeStep").asText()).isEqualTo("CONFIRM_SIGN_IN_WITH_TOTP_CODE");
        assertThat(result.path("wrongCode").asText()).isEqualTo("CodeMismatchException");
        assertThatSignedIn(result, username);
    }

    @Test
    void amplifyWhenPoolRequiresMfaAndUserHasNoneThenContinuesWithTotpSetup() throws Exception {
        String username = user(requiredPool, Map.of());

        JsonNode result = amplify(requiredPool, requiredWeb, "totp-setup", username);

        assertThat(result.path("error").isMissingNode()).as(result.toString()).isTrue();
        assertThat(result.path("challengeStep").asText()).isEqualTo("CONTINUE_SIGN_IN_WITH_TOTP_SETUP");
        assertThat(result.path("setupUri").asText())
                .matches("otpauth://totp/Gatehouse:" + Pattern.quote(username) + "\\?secret=[A-Z2-7]+&issuer=Gatehouse");
        assertThat(result.path("wrongCode").asText()).isEqualTo("EnableSoftwareTokenMFAException");
        assertThatSignedIn(result, username);
        assertThat(cognito.adminGetUser(r -> r.userPoolId(requiredPool).username(username)).preferredMfaSetting())
                .isEqualTo("SOFTWARE_TOKEN_MFA");
    }

    @Test
    void amplifyWhenUserChoosesEmailAmongTwoMethodsThenConfirmsWithTheMailedCode() throws Exception {
        String email = "amplify-" + UUID.randomUUID() + "@example.com";
        String username = user(optionalPool, Map.of("email", email));
        enrolAuthenticator(optionalPool, username);
        cognito.adminSetUserMFAPreference(r -> r.userPoolId(optionalPool).username(username)
                .softwareTokenMfaSettings(s -> s.enabled(true)).emailMfaSettings(s -> s.enabled(true)));

        JsonNode result = NodeScripts.run("amplify-mfa.mjs", prompt -> {
            assertThat(prompt.path("prompt").asText()).isEqualTo("CONFIRM_SIGN_IN_WITH_EMAIL_CODE");
            return Mailbox.lastCodeTo(MAIL, email);
        }, optionalPool, optionalWeb, "select-email", username, PASSWORD);

        assertThat(result.path("error").isMissingNode()).as(result.toString()).isTrue();
        assertThat(result.path("challengeStep").asText()).isEqualTo("CONTINUE_SIGN_IN_WITH_MFA_SELECTION");
        assertThat(result.path("allowed").toString()).contains("\"TOTP\"", "\"EMAIL\"");
        assertThat(result.path("chosenStep").asText()).isEqualTo("CONFIRM_SIGN_IN_WITH_EMAIL_CODE");
        assertThat(result.path("delivery").path("deliveryMedium").asText()).isEqualTo("EMAIL");
        assertThat(result.path("delivery").path("destination").asText()).isEqualTo("a***@e***");
        assertThat(result.path("wrongCode").asText()).isEqualTo("CodeMismatchException");
        assertThatSignedIn(result, username);
    }

    @Test
    void amplifyWhenPoolRequiresMfaAndUserHasNoEmailThenSetsUpEmailCodesInsideTheSignIn() throws Exception {
        String username = user(requiredBothPool, Map.of());
        String email = "setup-" + UUID.randomUUID() + "@example.com";

        JsonNode result = NodeScripts.run("amplify-mfa.mjs", prompt -> {
            assertThat(prompt.path("prompt").asText()).isEqualTo("CONFIRM_SIGN_IN_WITH_EMAIL_CODE");
            return Mailbox.lastCodeTo(MAIL, email);
        }, requiredBothPool, requiredBothWeb, "email-setup", username, PASSWORD, email);

        assertThat(result.path("error").isMissingNode()).as(result.toString()).isTrue();
        assertThat(result.path("challengeStep").asText()).isEqualTo("CONTINUE_SIGN_IN_WITH_MFA_SETUP_SELECTION");
        assertThat(result.path("allowed").toString()).contains("\"TOTP\"", "\"EMAIL\"");
        assertThat(result.path("pickedStep").asText()).isEqualTo("CONTINUE_SIGN_IN_WITH_EMAIL_SETUP");
        assertThat(result.path("sentStep").asText()).isEqualTo("CONFIRM_SIGN_IN_WITH_EMAIL_CODE");
        assertThat(result.path("delivery").path("destination").asText()).isEqualTo("s***@e***");
        assertThat(result.path("wrongCode").asText()).isEqualTo("CodeMismatchException");
        assertThatSignedIn(result, username);
        AdminGetUserResponse user = cognito.adminGetUser(r -> r.userPoolId(requiredBothPool).username(username));
        assertThat(user.userAttributes()).extracting(AttributeType::name, AttributeType::value)
                .contains(tuple("email", email), tuple("email_verified", "true"));
        assertThat(user.userMFASettingList()).containsExactly("EMAIL_OTP");
    }

    private static void assertThatSignedIn(JsonNode result, String username) {
        assertThat(result.path("signedIn").asBoolean()).as(result.toString()).isTrue();
        assertThat(result.path("nextStep").asText()).isEqualTo("DONE");
        assertThat(result.path("username").asText()).isEqualTo(username);
        assertThat(result.path("accessTokenUse").asText()).isEqualTo("access");
    }

    private static JsonNode cognitoJs(String pool, String client, String command, String username) throws Exception {
        return NodeScripts.run("cognito-js.mjs", pool, client, command, username, PASSWORD);
    }

    private static JsonNode amplify(String pool, String client, String command, String username) throws Exception {
        return NodeScripts.run("amplify-mfa.mjs", pool, client, command, username, PASSWORD);
    }

    private static String webClient(String pool) {
        return cognito.createUserPoolClient(r -> r.userPoolId(pool).clientName("web")).userPoolClient().clientId();
    }

    private static String user(String pool, Map<String, String> attributes) {
        String username = "js-mfa-" + UUID.randomUUID().toString().substring(0, 8);
        List<AttributeType> given = new ArrayList<>();
        attributes.forEach((name, value) -> given.add(AttributeType.builder().name(name).value(value).build()));
        cognito.adminCreateUser(r -> r.userPoolId(pool).username(username).messageAction(MessageActionType.SUPPRESS)
                .userAttributes(given));
        cognito.adminSetUserPassword(r -> r.userPoolId(pool).username(username).password(PASSWORD).permanent(true));
        return username;
    }

    /**
     * Sets up and verifies an authenticator app for the user through the Java SDK, as MfaSignInIT does.
     *
     * @return the app's secret
     */
    private static String enrolAuthenticator(String pool, String username) {
        String client = Clients.passwordClient(cognito, pool);
        String access = cognito.adminInitiateAuth(r -> r.userPoolId(pool).clientId(client)
                .authFlow(AuthFlowType.ADMIN_USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", username, "PASSWORD", PASSWORD))).authenticationResult()
                .accessToken();
        String secret = cognito.associateSoftwareToken(r -> r.accessToken(access)).secretCode();
        cognito.verifySoftwareToken(r -> r.accessToken(access).userCode(Totp.code(secret, Instant.now())));
        return secret;
    }

    /** The code of the newest text to {@code phone} that the development SMS sender wrote whole to trace.log. */
    private static String lastTextedCode(String phone) throws Exception {
        Pattern code = Pattern.compile("SMS to " + Pattern.quote(phone) + ", unmasked: .*?Your code: (\\d{6})");
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        do {
            List<String> lines = Files.readAllLines(Gatehouse.serverDir().resolve("logs/trace.log"));
            for (int i = lines.size() - 1; i >= 0; i--) {
                Matcher found = code.matcher(lines.get(i));
                if (found.find()) {
                    return found.group(1);
                }
            }
            Thread.sleep(100);
        } while (Instant.now().isBefore(deadline));
        throw new AssertionError("no text to " + phone + " in trace.log");
    }
}
