package io.gatehouse.it.cognito;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.gatehouse.it.Gatehouse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CodeMismatchException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidPasswordException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.VerifiedAttributeType;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Forgotten and changed passwords, and users deleting themselves, with mail read from GreenMail. */
class PasswordIT {

    @RegisterExtension
    static final GreenMailExtension MAIL = Mailbox.smtpServer();

    private static final String PASSWORD = "Correct-Horse-9";
    private static final String NEW_PASSWORD = "Battery-Staple-7";

    private static CognitoIdentityProviderClient cognito;
    private static String poolId;
    private static String clientId;

    @BeforeAll
    static void pool() {
        cognito = Gatehouse.adminClient();
        poolId = cognito.createUserPool(r -> r.poolName("passwords")
                .autoVerifiedAttributes(VerifiedAttributeType.EMAIL)).userPool().id();
        clientId = Clients.passwordClient(cognito, poolId);
    }

    @AfterAll
    static void close() {
        cognito.close();
    }

    @Test
    void forgotPasswordWhenEmailVerifiedThenCodeMailedAndConfirmSetsNewPassword() throws Exception {
        String email = "kate-" + UUID.randomUUID() + "@example.com";
        String username = verifiedUser(email);

        String code = Mailbox.nextCodeTo(MAIL, email, () -> assertThat(cognito.forgotPassword(r -> r
                .clientId(clientId).username(username)).codeDeliveryDetails().destination()).isEqualTo("k***@e***"));
        String wrong = code.equals("000000") ? "111111" : "000000";

        assertThatThrownBy(() -> confirmForgot(username, wrong, NEW_PASSWORD)).isInstanceOf(CodeMismatchException.class);
        assertThatThrownBy(() -> confirmForgot(username, code, "weak")).isInstanceOf(InvalidPasswordException.class);
        confirmForgot(username, code, NEW_PASSWORD);

        assertThat(signIn(username, NEW_PASSWORD)).isNotBlank();
        assertThatThrownBy(() -> signIn(username, PASSWORD)).isInstanceOf(NotAuthorizedException.class);
        assertThatThrownBy(() -> confirmForgot(username, code, "Another-Pass-5"))
                .isInstanceOf(software.amazon.awssdk.services.cognitoidentityprovider.model.ExpiredCodeException.class);
    }

    @Test
    void forgotPasswordWhenNoVerifiedEmailThenInvalidParameterOrSimulatedWhereExistenceErrorsPrevented() {
        String username = "leo-" + UUID.randomUUID();
        cognito.signUp(r -> r.clientId(clientId).username(username).password(PASSWORD));
        cognito.adminConfirmSignUp(r -> r.userPoolId(poolId).username(username));
        String legacy = cognito.createUserPoolClient(r -> r.userPoolId(poolId).clientName("legacy")
                .preventUserExistenceErrors("LEGACY")).userPoolClient().clientId();

        assertThatThrownBy(() -> cognito.forgotPassword(r -> r.clientId(legacy).username(username)))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("no registered/verified email");
        int sent = MAIL.getReceivedMessages().length;
        assertThat(cognito.forgotPassword(r -> r.clientId(clientId).username(username)).codeDeliveryDetails()
                .destination()).matches("[a-z]\\*\\*\\*@[a-z]\\*\\*\\*");
        assertThat(MAIL.getReceivedMessages()).hasSize(sent);
    }

    @Test
    void changePasswordWhenPreviousRightThenNewOneWorks() throws Exception {
        String username = verifiedUser("mia-" + UUID.randomUUID() + "@example.com");
        String access = signIn(username, PASSWORD);

        assertThatThrownBy(() -> cognito.changePassword(r -> r.accessToken(access).previousPassword("Wrong-Pass-1")
                .proposedPassword(NEW_PASSWORD))).isInstanceOf(NotAuthorizedException.class);
        assertThatThrownBy(() -> cognito.changePassword(r -> r.accessToken(access).previousPassword(PASSWORD)
                .proposedPassword("weak"))).isInstanceOf(InvalidPasswordException.class);
        cognito.changePassword(r -> r.accessToken(access).previousPassword(PASSWORD).proposedPassword(NEW_PASSWORD));

        assertThat(signIn(username, NEW_PASSWORD)).isNotBlank();
    }

    @Test
    void changePasswordWhenDoneThenOtherSignInsEndAndTheCallersGoesOn() throws Exception {
        String username = verifiedUser("oda-" + UUID.randomUUID() + "@example.com");
        var mine = signInResult(username, PASSWORD);
        var other = signInResult(username, PASSWORD);

        cognito.changePassword(r -> r.accessToken(mine.accessToken()).previousPassword(PASSWORD)
                .proposedPassword(NEW_PASSWORD));

        assertThat(cognito.getUser(r -> r.accessToken(mine.accessToken())).username()).isEqualTo(username);
        assertThat(refresh(mine.refreshToken())).isNotBlank();
        assertThatThrownBy(() -> cognito.getUser(r -> r.accessToken(other.accessToken())))
                .isInstanceOf(NotAuthorizedException.class);
        assertThatThrownBy(() -> refresh(other.refreshToken())).isInstanceOf(NotAuthorizedException.class);
    }

    @Test
    void passwordResetWhenConfirmedOrSetByAnAdministratorThenEverySignInEnds() throws Exception {
        String email = "pia-" + UUID.randomUUID() + "@example.com";
        String username = verifiedUser(email);
        var before = signInResult(username, PASSWORD);

        String code = Mailbox.nextCodeTo(MAIL, email, () -> cognito.forgotPassword(r -> r.clientId(clientId)
                .username(username)));
        confirmForgot(username, code, NEW_PASSWORD);

        assertThatThrownBy(() -> refresh(before.refreshToken())).isInstanceOf(NotAuthorizedException.class);
        assertThatThrownBy(() -> cognito.getUser(r -> r.accessToken(before.accessToken())))
                .isInstanceOf(NotAuthorizedException.class);
        var after = signInResult(username, NEW_PASSWORD);
        cognito.adminSetUserPassword(r -> r.userPoolId(poolId).username(username).password(PASSWORD).permanent(true));
        assertThatThrownBy(() -> refresh(after.refreshToken())).isInstanceOf(NotAuthorizedException.class);
    }

    private static software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType signInResult(
            String username, String password) {
        return cognito.initiateAuth(r -> r.clientId(clientId).authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", username, "PASSWORD", password))).authenticationResult();
    }

    private static String refresh(String refreshToken) {
        return cognito.initiateAuth(r -> r.clientId(clientId).authFlow(AuthFlowType.REFRESH_TOKEN_AUTH)
                .authParameters(Map.of("REFRESH_TOKEN", refreshToken))).authenticationResult().accessToken();
    }

    @Test
    void deleteUserWhenCalledThenUserAndSessionsGoneAndNameFree() throws Exception {
        String email = "ned-" + UUID.randomUUID() + "@example.com";
        String username = verifiedUser(email);
        String access = signIn(username, PASSWORD);

        cognito.deleteUser(r -> r.accessToken(access));

        assertThatThrownBy(() -> cognito.getUser(r -> r.accessToken(access))).isInstanceOf(NotAuthorizedException.class);
        assertThatThrownBy(() -> signIn(username, PASSWORD)).isInstanceOf(NotAuthorizedException.class);
        cognito.signUp(r -> r.clientId(clientId).username(username).password(PASSWORD)
                .userAttributes(AttributeType.builder().name("email").value(email).build()));
    }

    /** Signs a user up and confirms them with the mailed code, which verifies their e-mail address. */
    private static String verifiedUser(String email) throws Exception {
        String username = "user-" + UUID.randomUUID();
        cognito.signUp(r -> r.clientId(clientId).username(username).password(PASSWORD)
                .userAttributes(AttributeType.builder().name("email").value(email).build()));
        String code = Mailbox.lastCodeTo(MAIL, email);
        cognito.confirmSignUp(r -> r.clientId(clientId).username(username).confirmationCode(code));
        return username;
    }

    private static void confirmForgot(String username, String code, String password) {
        cognito.confirmForgotPassword(r -> r.clientId(clientId).username(username).confirmationCode(code)
                .password(password));
    }

    private static String signIn(String username, String password) {
        return cognito.initiateAuth(r -> r.clientId(clientId).authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", username, "PASSWORD", password))).authenticationResult()
                .accessToken();
    }
}
