package io.gatehouse.it.identitypool;

import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;

import java.util.Map;
import java.util.UUID;

/**
 * The user-pool side of the identity-pool tests: an app client that signs in with passwords, users the admin makes
 * with a permanent password (in groups, for role rules), and their sign-ins, whose ID tokens are the logins.
 */
final class PoolUsers {

    static final String PASSWORD = "Correct-Horse-9";

    private PoolUsers() {
    }

    /** A new app client of the pool that signs in with passwords (and refreshes). */
    static String passwordClient(CognitoIdentityProviderClient userPools, String userPoolId, String name) {
        return userPools.createUserPoolClient(r -> r.userPoolId(userPoolId).clientName(name).explicitAuthFlows(
                ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH, ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH))
                .userPoolClient().clientId();
    }

    /** A new confirmed user with {@link #PASSWORD}, in {@code groups}; its user name. */
    static String create(CognitoIdentityProviderClient userPools, String userPoolId, String... groups) {
        String username = "user-" + UUID.randomUUID();
        userPools.adminCreateUser(r -> r.userPoolId(userPoolId).username(username).messageAction("SUPPRESS"));
        userPools.adminSetUserPassword(r -> r.userPoolId(userPoolId).username(username).password(PASSWORD)
                .permanent(true));
        for (String group : groups) {
            userPools.adminAddUserToGroup(r -> r.userPoolId(userPoolId).username(username).groupName(group));
        }
        return username;
    }

    /** The user's tokens from a password sign-in at {@code clientId}. */
    static AuthenticationResultType signIn(CognitoIdentityProviderClient userPools, String clientId, String username) {
        return userPools.initiateAuth(r -> r.clientId(clientId).authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", username, "PASSWORD", PASSWORD))).authenticationResult();
    }

    /** A new user's ID token from {@code clientId}. */
    static String idToken(CognitoIdentityProviderClient userPools, String userPoolId, String clientId,
                          String... groups) {
        return signIn(userPools, clientId, create(userPools, userPoolId, groups)).idToken();
    }
}
