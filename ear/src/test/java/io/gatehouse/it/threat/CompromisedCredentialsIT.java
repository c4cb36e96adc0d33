package io.gatehouse.it.threat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.gatehouse.it.Gatehouse;
import io.gatehouse.it.cognito.Mailbox;
import io.gatehouse.it.cognito.NodeScripts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdvancedSecurityModeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CompromisedCredentialsEventActionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.EventFilterType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidPasswordException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthEventType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.EventResponseType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.PasswordResetRequiredException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.RiskDecisionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserStatusType;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Compromised-credentials detection through the AWS SDK and amazon-cognito-identity-js: a breached password
 * (P@ssw0rd, which Cognito's default password policy accepts, is among the 100,000 most common) refused at sign-up,
 * at a reset, at a change and at an administrator's set, with Cognito's error; let through where the pool's
 * settings say NO_ACTION or its mode is AUDIT; a sign-in with it blocked and the user sent to reset, except through
 * SRP, which never shows the server the password.
 */
class CompromisedCredentialsIT {

    @RegisterExtension
    static final GreenMailExtension MAIL = Mailbox.smtpServer();

    private static final String BREACHED = "P@ssw0rd";
    private static final String STRONG = "Kettle-Orbit-Plume-48";
    private static final String REFUSED = "Provided password cannot be used for security reasons.";

    private static CognitoIdentityProviderClient cognito;

    @BeforeAll
    static void client() {
        cognito = Gatehouse.adminClient();
    }

    @AfterAll
    static void close() {
        cognito.close();
    }

    private record Pool(String id, String clientId) {
    }

    private static AuthEventType lastEvent(Pool pool, String username) {
        return cognito.adminListUserAuthEvents(r -> r.userPoolId(pool.id()).username(username).maxResults(1))
                .authEvents().get(0);
    }

    private static Pool pool(String name) {
        String id = cognito.createUserPool(r -> r.poolName(name)).userPool().id();
        String client = cognito.createUserPoolClient(r -> r.userPoolId(id).clientName("web")
                .explicitAuthFlows(ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH,
                        ExplicitAuthFlowsType.ALLOW_USER_SRP_AUTH, ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH))
                .userPoolClient().clientId();
        return new Pool(id, client);
    }

    private static void policy(Pool pool, CompromisedCredentialsEventActionType action, EventFilterType... events) {
        cognito.setRiskConfiguration(r -> r.userPoolId(pool.id()).compromisedCredentialsRiskConfiguration(c -> c
                .eventFilter(events).actions(a -> a.eventAction(action))));
    }

    private static String user(Pool pool, String password) {
        String username = "u-" + UUID.randomUUID().toString().substring(0, 8);
        cognito.adminCreateUser(r -> r.userPoolId(pool.id()).username(username)
                .messageAction(MessageActionType.SUPPRESS).temporaryPassword("Temporary-Pass-1")
                .userAttributes(AttributeType.builder().name("email").value(username + "@example.com").build(),
                        AttributeType.builder().name("email_verified").value("true").build()));
        cognito.adminSetUserPassword(r -> r.userPoolId(pool.id()).username(username).password(password)
                .permanent(true));
        return username;
    }

    private static UserStatusType status(Pool pool, String username) {
        return cognito.adminGetUser(r -> r.userPoolId(pool.id()).username(username)).userStatus();
    }

    private static void signUp(Pool pool, String username, String password) {
        cognito.signUp(r -> r.clientId(pool.clientId()).username(username).password(password)
                .userAttributes(AttributeType.builder().name("email").value(username + "@example.com").build()));
    }

    @Test
    void byDefaultABreachedPasswordIsRefusedAtSignUpChangeAndAdministratorsSetAndNothingIsWritten() {
        Pool pool = pool("breached-default");
        assertThatThrownBy(() -> signUp(pool, "alice", BREACHED))
                .isInstanceOf(InvalidPasswordException.class).hasMessageContaining(REFUSED);
        assertThatThrownBy(() -> cognito.adminGetUser(r -> r.userPoolId(pool.id()).username("alice")))
                .isInstanceOf(UserNotFoundException.class);
        // A strong password signs up.
        signUp(pool, "alice", STRONG);

        String bob = user(pool, STRONG);
        assertThatThrownBy(() -> cognito.adminSetUserPassword(r -> r.userPoolId(pool.id()).username(bob)
                .password(BREACHED).permanent(true)))
                .isInstanceOf(InvalidPasswordException.class).hasMessageContaining(REFUSED);
        assertThatThrownBy(() -> cognito.adminCreateUser(r -> r.userPoolId(pool.id()).username("carl")
                .messageAction(MessageActionType.SUPPRESS).temporaryPassword(BREACHED)))
                .isInstanceOf(InvalidPasswordException.class).hasMessageContaining(REFUSED);

        String access = cognito.initiateAuth(r -> r.clientId(pool.clientId()).authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", bob, "PASSWORD", STRONG))).authenticationResult().accessToken();
        assertThatThrownBy(() -> cognito.changePassword(r -> r.accessToken(access).previousPassword(STRONG)
                .proposedPassword(BREACHED)))
                .isInstanceOf(InvalidPasswordException.class).hasMessageContaining(REFUSED);
        // The old password still signs in: nothing changed.
        assertThat(cognito.initiateAuth(r -> r.clientId(pool.clientId()).authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", bob, "PASSWORD", STRONG))).authenticationResult()).isNotNull();
    }

    @Test
    void noActionOrAuditModeLetsABreachedPasswordThrough() {
        Pool noAction = pool("breached-no-action");
        policy(noAction, CompromisedCredentialsEventActionType.NO_ACTION);
        signUp(noAction, "dora", BREACHED);
        assertThat(status(noAction, "dora")).isEqualTo(UserStatusType.UNCONFIRMED);

        Pool audit = pool("breached-audit");
        cognito.updateUserPool(r -> r.userPoolId(audit.id())
                .userPoolAddOns(a -> a.advancedSecurityMode(AdvancedSecurityModeType.AUDIT)));
        signUp(audit, "erin", BREACHED);
        String frank = user(audit, BREACHED);
        assertThat(cognito.initiateAuth(r -> r.clientId(audit.clientId()).authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", frank, "PASSWORD", BREACHED))).authenticationResult()).isNotNull();
        // Let through, and said so in the sign-in's auth event.
        AuthEventType passed = lastEvent(audit, frank);
        assertThat(passed.eventResponse()).isEqualTo(EventResponseType.PASS);
        assertThat(passed.eventRisk().compromisedCredentialsDetected()).isTrue();

        // An event the filter leaves out passes: here only sign-ins are blocked.
        Pool signInOnly = pool("breached-sign-in-only");
        policy(signInOnly, CompromisedCredentialsEventActionType.BLOCK, EventFilterType.SIGN_IN);
        signUp(signInOnly, "gail", BREACHED);
    }

    @Test
    void aSignInWithABreachedPasswordIsBlockedAndTheUserMustResetButSrpIsNotChecked() throws Exception {
        Pool pool = pool("breached-sign-in");
        // Passwords set before the policy blocked them (here: the filter leaves out PASSWORD_CHANGE).
        policy(pool, CompromisedCredentialsEventActionType.BLOCK, EventFilterType.SIGN_IN);
        String hana = user(pool, BREACHED);
        String ivan = user(pool, BREACHED);

        assertThatThrownBy(() -> cognito.initiateAuth(r -> r.clientId(pool.clientId())
                .authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", hana, "PASSWORD", BREACHED))))
                .isInstanceOf(PasswordResetRequiredException.class)
                .hasMessageContaining("Password reset required for the user");
        assertThat(status(pool, hana)).isEqualTo(UserStatusType.RESET_REQUIRED);
        AuthEventType blocked = lastEvent(pool, hana);
        assertThat(blocked.eventResponse()).isEqualTo(EventResponseType.FAIL);
        assertThat(blocked.eventRisk().riskDecision()).isEqualTo(RiskDecisionType.BLOCK);
        assertThat(blocked.eventRisk().compromisedCredentialsDetected()).isTrue();
        // The block is the signed-in user's alone.
        assertThat(status(pool, ivan)).isEqualTo(UserStatusType.CONFIRMED);

        // SRP never shows the server the password, so it cannot be checked (as in Cognito).
        JsonNode srp = NodeScripts.run("cognito-js.mjs", pool.id(), pool.clientId(), "sign-in", ivan, BREACHED);
        assertThat(srp.path("error").isMissingNode()).as(srp.toString()).isTrue();
        assertThat(srp.path("idTokenUser").asText()).isEqualTo(ivan);
        assertThat(status(pool, ivan)).isEqualTo(UserStatusType.CONFIRMED);
    }

    @Test
    void aResetToABreachedPasswordIsRefusedThroughIdentityJs() throws Exception {
        Pool pool = pool("breached-reset");
        String june = user(pool, STRONG);
        String email = june + "@example.com";
        JsonNode forgot = NodeScripts.run("cognito-js.mjs", pool.id(), pool.clientId(), "forgot", june);
        assertThat(forgot.path("destination").asText()).as(forgot.toString()).isNotEmpty();
        String code = Mailbox.lastCodeTo(MAIL, email);

        JsonNode breached = NodeScripts.run("cognito-js.mjs", pool.id(), pool.clientId(), "confirm-password", june,
                code, BREACHED);
        assertThat(breached.path("error").asText()).isEqualTo("InvalidPasswordException");
        assertThat(breached.path("message").asText()).isEqualTo(REFUSED);

        // The code was not spent on the refused password: the same code sets a strong one.
        JsonNode strong = NodeScripts.run("cognito-js.mjs", pool.id(), pool.clientId(), "confirm-password", june,
                code, "Lantern-Quarry-Sleet-73");
        assertThat(strong.path("result").asText()).as(strong.toString()).isEqualTo("SUCCESS");
        assertThat(cognito.initiateAuth(r -> r.clientId(pool.clientId()).authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", june, "PASSWORD", "Lantern-Quarry-Sleet-73")))
                .authenticationResult()).isNotNull();
    }
}
