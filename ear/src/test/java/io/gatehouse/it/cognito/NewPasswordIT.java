package io.gatehouse.it.cognito;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import io.gatehouse.it.Gatehouse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminCreateUserResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ChallengeNameType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.DeliveryMediumType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidPasswordException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.RespondToAuthChallengeResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserStatusType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UsernameExistsException;

import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Invited users: AdminCreateUser, then the NEW_PASSWORD_REQUIRED challenge at first sign-in. */
class NewPasswordIT {

    @RegisterExtension
    static final GreenMailExtension MAIL = Mailbox.smtpServer();

    private static final String TEMPORARY = "Temporary-Pass-1";
    private static final String CHOSEN = "Chosen-Password-2";

    private static CognitoIdentityProviderClient cognito;
    private static String poolId;
    private static String clientId;

    @BeforeAll
    static void pool() {
        cognito = Gatehouse.adminClient();
        poolId = cognito.createUserPool(r -> r.poolName("invited")
                .adminCreateUserConfig(c -> c.inviteMessageTemplate(t -> t.emailSubject("You are invited")
                        .emailMessage("Sign in as {username} with {####} and choose a password.")))).userPool().id();
        clientId = Clients.passwordClient(cognito, poolId);
    }

    @AfterAll
    static void close() {
        cognito.close();
    }

    @Test
    void firstSignInWhenTemporaryPasswordThenNewPasswordRequiredThenTokens() {
        String username = invited(TEMPORARY);

        InitiateAuthResponse first = signIn(username, TEMPORARY);

        assertThat(first.challengeName()).isEqualTo(ChallengeNameType.NEW_PASSWORD_REQUIRED);
        assertThat(first.session()).isNotBlank();
        assertThat(first.authenticationResult()).isNull();
        assertThat(first.challengeParameters()).containsEntry("USER_ID_FOR_SRP", username)
                .containsEntry("requiredAttributes", "[]").containsKey("userAttributes");

        assertThatThrownBy(() -> respond(first.session(), username, "weak")).isInstanceOf(InvalidPasswordException.class);
        RespondToAuthChallengeResponse done = respond(first.session(), username, CHOSEN);

        assertThat(done.authenticationResult().accessToken()).isNotBlank();
        assertThat(cognito.getUser(r -> r.accessToken(done.authenticationResult().accessToken())).username())
                .isEqualTo(username);
        assertThat(signIn(username, CHOSEN).authenticationResult()).isNotNull();
        assertThatThrownBy(() -> signIn(username, TEMPORARY)).isInstanceOf(NotAuthorizedException.class);
        assertThatThrownBy(() -> respond(first.session(), username, "Another-Pass-3"))
                .isInstanceOf(NotAuthorizedException.class);
    }

    @Test
    void newPasswordRequiredWhenRequiredAttributeMissingThenAskedForAndSetWithTheAnswer() {
        String pool = cognito.createUserPool(r -> r.poolName("required-name").schema(
                software.amazon.awssdk.services.cognitoidentityprovider.model.SchemaAttributeType.builder()
                        .name("given_name").required(true).build())).userPool().id();
        String client = Clients.passwordClient(cognito, pool);
        String username = "rosa-" + UUID.randomUUID();
        cognito.adminCreateUser(r -> r.userPoolId(pool).username(username).temporaryPassword(TEMPORARY)
                .messageAction(MessageActionType.SUPPRESS));
        InitiateAuthResponse first = cognito.initiateAuth(r -> r.clientId(client)
                .authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", username, "PASSWORD", TEMPORARY)));
        assertThat(first.challengeParameters().get("requiredAttributes")).isEqualTo("[\"userAttributes.given_name\"]");

        assertThatThrownBy(() -> cognito.respondToAuthChallenge(r -> r.clientId(client)
                .challengeName(ChallengeNameType.NEW_PASSWORD_REQUIRED).session(first.session())
                .challengeResponses(Map.of("USERNAME", username, "NEW_PASSWORD", CHOSEN))))
                .isInstanceOf(software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException.class)
                .hasMessageContaining("given_name: The attribute is required");

        RespondToAuthChallengeResponse done = cognito.respondToAuthChallenge(r -> r.clientId(client)
                .challengeName(ChallengeNameType.NEW_PASSWORD_REQUIRED).session(first.session())
                .challengeResponses(Map.of("USERNAME", username, "NEW_PASSWORD", CHOSEN,
                        "userAttributes.given_name", "Rosa")));

        assertThat(cognito.getUser(r -> r.accessToken(done.authenticationResult().accessToken())).userAttributes())
                .anySatisfy(a -> assertThat(a.name() + "=" + a.value()).isEqualTo("given_name=Rosa"));
    }

    @Test
    void newPasswordRequiredWhenAnswerChangesAttributesAlreadySetThenRefusedAndNothingWritten() throws Exception {
        String pool = cognito.createUserPool(r -> r.poolName("takeover").schema(
                software.amazon.awssdk.services.cognitoidentityprovider.model.SchemaAttributeType.builder()
                        .name("role").attributeDataType("String").mutable(false).build())).userPool().id();
        String client = Clients.passwordClient(cognito, pool);
        String username = "ivan-" + UUID.randomUUID();
        cognito.adminCreateUser(r -> r.userPoolId(pool).username(username).temporaryPassword(TEMPORARY)
                .messageAction(MessageActionType.SUPPRESS).userAttributes(
                        AttributeType.builder().name("email").value("ivan@example.com").build(),
                        AttributeType.builder().name("email_verified").value("true").build(),
                        AttributeType.builder().name("custom:role").value("intern").build()));

        for (Map.Entry<String, String> takeover : Map.of("userAttributes.email", "ceo@corp.example",
                "userAttributes.custom:role", "admin").entrySet()) {
            String session = newPasswordSession(client, username);
            assertThatThrownBy(() -> cognito.respondToAuthChallenge(r -> r.clientId(client)
                    .challengeName(ChallengeNameType.NEW_PASSWORD_REQUIRED).session(session)
                    .challengeResponses(Map.of("USERNAME", username, "NEW_PASSWORD", CHOSEN,
                            takeover.getKey(), takeover.getValue()))))
                    .as(takeover.getKey())
                    .isInstanceOf(software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException.class)
                    .hasMessageContaining("Cannot modify an already provided");
        }
        String session = newPasswordSession(client, username);
        // Repeating a value the user has is no change, and is accepted.
        RespondToAuthChallengeResponse done = cognito.respondToAuthChallenge(r -> r.clientId(client)
                .challengeName(ChallengeNameType.NEW_PASSWORD_REQUIRED).session(session)
                .challengeResponses(Map.of("USERNAME", username, "NEW_PASSWORD", CHOSEN,
                        "userAttributes.email", "ivan@example.com")));

        com.nimbusds.jwt.JWTClaimsSet id = com.nimbusds.jwt.SignedJWT.parse(done.authenticationResult().idToken())
                .getJWTClaimsSet();
        assertThat(id.getStringClaim("email")).isEqualTo("ivan@example.com");
        assertThat(id.getBooleanClaim("email_verified")).isTrue();
        assertThat(id.getStringClaim("custom:role")).isEqualTo("intern");
    }

    @Test
    void newPasswordRequiredWhenAnswerAddsAnEmailAddressThenItIsUnverified() throws Exception {
        String username = invited(TEMPORARY);
        InitiateAuthResponse first = signIn(username, TEMPORARY);

        RespondToAuthChallengeResponse done = cognito.respondToAuthChallenge(r -> r.clientId(clientId)
                .challengeName(ChallengeNameType.NEW_PASSWORD_REQUIRED).session(first.session())
                .challengeResponses(Map.of("USERNAME", username, "NEW_PASSWORD", CHOSEN,
                        "userAttributes.email", "ceo@corp.example")));

        com.nimbusds.jwt.JWTClaimsSet id = com.nimbusds.jwt.SignedJWT.parse(done.authenticationResult().idToken())
                .getJWTClaimsSet();
        assertThat(id.getStringClaim("email")).isEqualTo("ceo@corp.example");
        assertThat(id.getBooleanClaim("email_verified")).isFalse();
    }

    private static String newPasswordSession(String client, String username) {
        InitiateAuthResponse first = cognito.initiateAuth(r -> r.clientId(client)
                .authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", username, "PASSWORD", TEMPORARY)));
        assertThat(first.challengeName()).isEqualTo(ChallengeNameType.NEW_PASSWORD_REQUIRED);
        return first.session();
    }

    @Test
    void respondWhenSessionForgedThenNotAuthorized() {
        String username = invited(TEMPORARY);
        signIn(username, TEMPORARY);

        assertThatThrownBy(() -> respond("forged-session-" + UUID.randomUUID(), username, CHOSEN))
                .isInstanceOf(NotAuthorizedException.class);
    }

    @Test
    void adminCreateUserWhenEmailInvitationThenGeneratedPasswordArrivesAndWorks() throws Exception {
        String username = "invitee-" + UUID.randomUUID();
        String email = username + "@example.com";

        AdminCreateUserResponse created = cognito.adminCreateUser(r -> r.userPoolId(poolId).username(username)
                .desiredDeliveryMediums(DeliveryMediumType.EMAIL)
                .userAttributes(AttributeType.builder().name("email").value(email).build(),
                        AttributeType.builder().name("email_verified").value("true").build()));

        assertThat(created.user().userStatus()).isEqualTo(UserStatusType.FORCE_CHANGE_PASSWORD);
        assertThat(created.user().enabled()).isTrue();
        var mail = Mailbox.lastMailTo(MAIL, email);
        assertThat(mail.getSubject()).isEqualTo("You are invited");
        Matcher password = Pattern.compile("with (\\S+) and choose").matcher(GreenMailUtil.getBody(mail));
        assertThat(password.find()).isTrue();
        assertThat(signIn(username, password.group(1)).challengeName()).isEqualTo(ChallengeNameType.NEW_PASSWORD_REQUIRED);
        assertThatThrownBy(() -> cognito.adminCreateUser(r -> r.userPoolId(poolId).username(username)
                .messageAction(MessageActionType.SUPPRESS))).isInstanceOf(UsernameExistsException.class);
    }

    private static String invited(String temporaryPassword) {
        String username = "invited-" + UUID.randomUUID();
        cognito.adminCreateUser(r -> r.userPoolId(poolId).username(username).temporaryPassword(temporaryPassword)
                .messageAction(MessageActionType.SUPPRESS));
        return username;
    }

    private static InitiateAuthResponse signIn(String username, String password) {
        return cognito.initiateAuth(r -> r.clientId(clientId).authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", username, "PASSWORD", password)));
    }

    private static RespondToAuthChallengeResponse respond(String session, String username, String password) {
        return cognito.respondToAuthChallenge(r -> r.clientId(clientId)
                .challengeName(ChallengeNameType.NEW_PASSWORD_REQUIRED).session(session)
                .challengeResponses(Map.of("USERNAME", username, "NEW_PASSWORD", password)));
    }
}
