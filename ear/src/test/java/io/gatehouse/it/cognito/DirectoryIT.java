package io.gatehouse.it.cognito;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.gatehouse.it.Gatehouse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminGetUserResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ChallengeNameType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidPasswordException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ListUsersResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.PasswordResetRequiredException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserStatusType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.VerifiedAttributeType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The administrator's user operations and ListUsers, through the AWS SDK. */
class DirectoryIT {

    @RegisterExtension
    static final GreenMailExtension MAIL = Mailbox.smtpServer();

    private static final String PASSWORD = "Directory-Pass-1";

    private static CognitoIdentityProviderClient cognito;
    private static String poolId;
    private static String clientId;

    @BeforeAll
    static void pool() {
        cognito = Gatehouse.adminClient();
        poolId = cognito.createUserPool(r -> r.poolName("directory")
                .autoVerifiedAttributes(VerifiedAttributeType.EMAIL)).userPool().id();
        clientId = Clients.passwordClient(cognito, poolId);
    }

    @AfterAll
    static void close() {
        cognito.close();
    }

    private static String user(String email, String familyName) {
        String username = "u-" + UUID.randomUUID().toString().substring(0, 8);
        cognito.adminCreateUser(r -> r.userPoolId(poolId).username(username).messageAction(MessageActionType.SUPPRESS)
                .temporaryPassword("Temporary-Pass-1")
                .userAttributes(attribute("email", email), attribute("email_verified", "true"),
                        attribute("family_name", familyName)));
        cognito.adminSetUserPassword(r -> r.userPoolId(poolId).username(username).password(PASSWORD).permanent(true));
        return username;
    }

    private static AttributeType attribute(String name, String value) {
        return AttributeType.builder().name(name).value(value).build();
    }

    private static AuthenticationResultType signIn(String username, String password) {
        return cognito.initiateAuth(r -> r.clientId(clientId).authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", username, "PASSWORD", password))).authenticationResult();
    }

    private static Map<String, String> attributes(List<AttributeType> list) {
        return list.stream().collect(Collectors.toMap(AttributeType::name, AttributeType::value));
    }

    @Test
    void adminGetUserWhenUserExistsThenProfileAndStatus() {
        String username = user("get@example.com", "Getter");

        AdminGetUserResponse user = cognito.adminGetUser(r -> r.userPoolId(poolId).username(username));

        assertThat(user.username()).isEqualTo(username);
        assertThat(user.userStatus()).isEqualTo(UserStatusType.CONFIRMED);
        assertThat(user.enabled()).isTrue();
        assertThat(attributes(user.userAttributes())).containsEntry("email", "get@example.com")
                .containsEntry("family_name", "Getter").containsKey("sub");
        assertThatThrownBy(() -> cognito.adminGetUser(r -> r.userPoolId(poolId).username("nobody-here")))
                .isInstanceOf(UserNotFoundException.class);
    }

    @Test
    void setUserPasswordWhenTemporaryThenNewPasswordRequiredAtSignIn() {
        String username = user("temp@example.com", "Temp");

        cognito.adminSetUserPassword(r -> r.userPoolId(poolId).username(username).password("Another-Temp-2")
                .permanent(false));

        assertThat(cognito.adminGetUser(r -> r.userPoolId(poolId).username(username)).userStatus())
                .isEqualTo(UserStatusType.FORCE_CHANGE_PASSWORD);
        assertThat(cognito.initiateAuth(r -> r.clientId(clientId).authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", username, "PASSWORD", "Another-Temp-2"))).challengeName())
                .isEqualTo(ChallengeNameType.NEW_PASSWORD_REQUIRED);
        assertThatThrownBy(() -> cognito.adminSetUserPassword(r -> r.userPoolId(poolId).username(username)
                .password("short").permanent(true))).isInstanceOf(InvalidPasswordException.class);
    }

    @Test
    void disableUserWhenSignedInThenTokensEndAndSignInRefusedUntilEnabled() {
        String username = user("disabled@example.com", "Off");
        AuthenticationResultType tokens = signIn(username, PASSWORD);

        cognito.adminDisableUser(r -> r.userPoolId(poolId).username(username));

        assertThatThrownBy(() -> signIn(username, PASSWORD)).isInstanceOf(NotAuthorizedException.class)
                .hasMessageContaining("User is disabled");
        assertThatThrownBy(() -> cognito.getUser(r -> r.accessToken(tokens.accessToken())))
                .isInstanceOf(NotAuthorizedException.class);
        assertThat(cognito.adminGetUser(r -> r.userPoolId(poolId).username(username)).enabled()).isFalse();

        cognito.adminEnableUser(r -> r.userPoolId(poolId).username(username));

        assertThat(signIn(username, PASSWORD).accessToken()).isNotBlank();
    }

    @Test
    void globalSignOutWhenAdminSignsUserOutThenRefreshAndAccessTokensFail() {
        String username = user("signout@example.com", "Out");
        AuthenticationResultType tokens = signIn(username, PASSWORD);

        cognito.adminUserGlobalSignOut(r -> r.userPoolId(poolId).username(username));

        assertThatThrownBy(() -> cognito.getUser(r -> r.accessToken(tokens.accessToken())))
                .isInstanceOf(NotAuthorizedException.class);
        assertThatThrownBy(() -> cognito.initiateAuth(r -> r.clientId(clientId)
                .authFlow(AuthFlowType.REFRESH_TOKEN_AUTH)
                .authParameters(Map.of("REFRESH_TOKEN", tokens.refreshToken()))))
                .isInstanceOf(NotAuthorizedException.class);
    }

    @Test
    void resetUserPasswordWhenUserSignsInThenResetRequiredAndMailedCodeSetsNewPassword() throws Exception {
        String username = user("reset@example.com", "Reset");

        cognito.adminResetUserPassword(r -> r.userPoolId(poolId).username(username));

        assertThat(cognito.adminGetUser(r -> r.userPoolId(poolId).username(username)).userStatus())
                .isEqualTo(UserStatusType.RESET_REQUIRED);
        assertThatThrownBy(() -> signIn(username, PASSWORD)).isInstanceOf(PasswordResetRequiredException.class);
        String code = Mailbox.lastCodeTo(MAIL, "reset@example.com");
        cognito.confirmForgotPassword(r -> r.clientId(clientId).username(username).confirmationCode(code)
                .password("After-Reset-3"));

        assertThat(signIn(username, "After-Reset-3").accessToken()).isNotBlank();
        assertThat(cognito.adminGetUser(r -> r.userPoolId(poolId).username(username)).userStatus())
                .isEqualTo(UserStatusType.CONFIRMED);
    }

    @Test
    void updateAndDeleteAttributesWhenAdminThenChangedAndNewEmailUnverifiedUnlessVouchedFor() throws Exception {
        String username = user("before@example.com", "Before");

        cognito.adminUpdateUserAttributes(r -> r.userPoolId(poolId).username(username)
                .userAttributes(attribute("email", "after@example.com"), attribute("given_name", "Ann")));

        Map<String, String> changed = attributes(cognito.adminGetUser(r -> r.userPoolId(poolId)
                .username(username)).userAttributes());
        assertThat(changed).containsEntry("email", "after@example.com").containsEntry("email_verified", "false")
                .containsEntry("given_name", "Ann");
        assertThat(Mailbox.lastCodeTo(MAIL, "after@example.com")).hasSize(6);

        cognito.adminUpdateUserAttributes(r -> r.userPoolId(poolId).username(username)
                .userAttributes(attribute("email", "vouched@example.com"), attribute("email_verified", "true")));
        cognito.adminDeleteUserAttributes(r -> r.userPoolId(poolId).username(username)
                .userAttributeNames("given_name"));

        Map<String, String> after = attributes(cognito.adminGetUser(r -> r.userPoolId(poolId)
                .username(username)).userAttributes());
        assertThat(after).containsEntry("email", "vouched@example.com").containsEntry("email_verified", "true")
                .doesNotContainKey("given_name");
        assertThatThrownBy(() -> cognito.adminUpdateUserAttributes(r -> r.userPoolId(poolId).username(username)
                .userAttributes(attribute("custom:undeclared", "x"), attribute("given_name", "Zed"))))
                .isInstanceOf(InvalidParameterException.class);
        assertThat(attributes(cognito.adminGetUser(r -> r.userPoolId(poolId).username(username)).userAttributes()))
                .as("a refused update writes nothing").doesNotContainKey("given_name");
    }

    @Test
    void deleteUserWhenAdminDeletesThenGoneAndSignInFails() {
        String username = user("deleted@example.com", "Gone");
        AuthenticationResultType tokens = signIn(username, PASSWORD);

        cognito.adminDeleteUser(r -> r.userPoolId(poolId).username(username));

        assertThatThrownBy(() -> cognito.adminGetUser(r -> r.userPoolId(poolId).username(username)))
                .isInstanceOf(UserNotFoundException.class);
        assertThatThrownBy(() -> cognito.getUser(r -> r.accessToken(tokens.accessToken())))
                .isInstanceOf(NotAuthorizedException.class);
        assertThatThrownBy(() -> cognito.adminDeleteUser(r -> r.userPoolId(poolId).username(username)))
                .isInstanceOf(UserNotFoundException.class);
    }

    @Test
    void listUsersWhenFilteredAndPagedThenEveryMatchOnceInStableOrder() {
        String family = "Lister" + UUID.randomUUID().toString().substring(0, 6);
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(user("list" + i + "-" + family.toLowerCase() + "@example.com", family));
        }

        List<String> seen = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            String next = token;
            ListUsersResponse page = cognito.listUsers(r -> r.userPoolId(poolId).limit(2)
                    .filter("family_name = \"" + family + "\"").attributesToGet("email").paginationToken(next));
            page.users().forEach(u -> {
                seen.add(u.username());
                assertThat(u.attributes()).extracting(AttributeType::name).containsExactly("email");
                assertThat(u.userStatus()).isEqualTo(UserStatusType.CONFIRMED);
            });
            token = page.paginationToken();
            pages++;
        } while (token != null);

        assertThat(seen).containsExactlyInAnyOrderElementsOf(created).doesNotHaveDuplicates();
        assertThat(pages).isEqualTo(3);

        List<UserType> byPrefix = cognito.listUsers(r -> r.userPoolId(poolId)
                .filter("email ^= \"list3-" + family.toLowerCase() + "\"")).users();
        assertThat(byPrefix).extracting(UserType::username).containsExactly(created.get(3));
        assertThat(cognito.listUsers(r -> r.userPoolId(poolId).filter("status = \"Enabled\"")).users())
                .isNotEmpty();
    }

    @Test
    void listUsersWhenFilterOrTokenIsMalformedThenInvalidParameter() {
        for (String filter : List.of("family_name = Reddy", "family_name == \"x\"", "custom:team = \"a\"",
                "status = \"Sleeping\"", "email = \"a\" and name = \"b\"")) {
            assertThatThrownBy(() -> cognito.listUsers(r -> r.userPoolId(poolId).filter(filter)))
                    .as(filter).isInstanceOf(InvalidParameterException.class);
        }
        assertThatThrownBy(() -> cognito.listUsers(r -> r.userPoolId(poolId).paginationToken("not-a-token")))
                .isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> cognito.listUsers(r -> r.userPoolId(poolId).limit(61)))
                .isInstanceOf(InvalidParameterException.class);
    }
}
