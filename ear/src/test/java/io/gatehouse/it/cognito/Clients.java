package io.gatehouse.it.cognito;

import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;

/** App clients the suites sign in with. */
final class Clients {

    private Clients() {
    }

    /** A public client allowing password sign-in (user and admin) and refresh. */
    static String passwordClient(CognitoIdentityProviderClient cognito, String poolId) {
        return cognito.createUserPoolClient(r -> r.userPoolId(poolId).clientName("app").explicitAuthFlows(
                ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH, ExplicitAuthFlowsType.ALLOW_ADMIN_USER_PASSWORD_AUTH,
                ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH)).userPoolClient().clientId();
    }
}
