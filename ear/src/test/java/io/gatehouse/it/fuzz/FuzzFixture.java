package io.gatehouse.it.fuzz;

import io.gatehouse.it.Gatehouse;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeDataType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CognitoIdentityProviderException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.OAuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.SchemaAttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolClientType;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A pool the fuzzer's requests name, so that generated calls get past "not found" into the handlers: a pool with a
 * custom attribute, a public client with password and OAuth flows, a confidential client with a secret, a
 * resource server, a domain, a group and a confirmed user with live tokens. The fuzzer may delete or change any of
 * it (that is part of the point); {@link #heal} makes a new one when it is gone.
 */
final class FuzzFixture {

    static final String USERNAME = "fuzz-user";
    static final String PASSWORD = "Fuzz-Passw0rd!";
    static final String CALLBACK = "https://app.example.com/callback";
    static final String LOGOUT = "https://app.example.com/signed-out";
    static final String RESOURCE_SERVER = "https://api.example.com";

    private final CognitoIdentityProviderClient cognito;
    private String poolId;
    private String publicClientId;
    private String secretClientId;
    private String clientSecret;
    private String domain;
    private String accessToken = "";
    private String refreshToken = "";
    private String idToken = "";

    FuzzFixture(CognitoIdentityProviderClient cognito) {
        this.cognito = cognito;
        create();
    }

    private void create() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        poolId = cognito.createUserPool(r -> r.poolName("fuzz-" + suffix)
                .schema(SchemaAttributeType.builder().name("fuzz").attributeDataType(AttributeDataType.STRING)
                        .mutable(true).build())).userPool().id();
        cognito.createResourceServer(r -> r.userPoolId(poolId).identifier(RESOURCE_SERVER).name("api")
                .scopes(s -> s.scopeName("read").scopeDescription("read")));
        publicClientId = cognito.createUserPoolClient(r -> r.userPoolId(poolId).clientName("fuzz-public")
                .explicitAuthFlows(ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH,
                        ExplicitAuthFlowsType.ALLOW_ADMIN_USER_PASSWORD_AUTH, ExplicitAuthFlowsType.ALLOW_USER_SRP_AUTH,
                        ExplicitAuthFlowsType.ALLOW_CUSTOM_AUTH, ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH)
                .allowedOAuthFlowsUserPoolClient(true).allowedOAuthFlows(OAuthFlowType.CODE, OAuthFlowType.IMPLICIT)
                .allowedOAuthScopes("openid", "email", "profile", "aws.cognito.signin.user.admin")
                .callbackURLs(CALLBACK).logoutURLs(LOGOUT).supportedIdentityProviders("COGNITO"))
                .userPoolClient().clientId();
        UserPoolClientType secret = cognito.createUserPoolClient(r -> r.userPoolId(poolId).clientName("fuzz-secret")
                .generateSecret(true).explicitAuthFlows(ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH,
                        ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH)
                .allowedOAuthFlowsUserPoolClient(true).allowedOAuthFlows(OAuthFlowType.CLIENT_CREDENTIALS)
                .allowedOAuthScopes(RESOURCE_SERVER + "/read")).userPoolClient();
        secretClientId = secret.clientId();
        clientSecret = secret.clientSecret();
        domain = "fuzz-" + suffix;
        cognito.createUserPoolDomain(r -> r.userPoolId(poolId).domain(domain));
        cognito.createGroup(r -> r.userPoolId(poolId).groupName("fuzzers"));
        cognito.adminCreateUser(r -> r.userPoolId(poolId).username(USERNAME)
                .messageAction(MessageActionType.SUPPRESS).userAttributes(
                        AttributeType.builder().name("email").value("fuzz@example.com").build(),
                        AttributeType.builder().name("email_verified").value("true").build()));
        cognito.adminSetUserPassword(r -> r.userPoolId(poolId).username(USERNAME).password(PASSWORD)
                .permanent(true));
        cognito.adminAddUserToGroup(r -> r.userPoolId(poolId).username(USERNAME).groupName("fuzzers"));
        signIn();
    }

    /** Fresh tokens for the fixture's user (the fuzzer signs it out and revokes its tokens now and then). */
    void signIn() {
        try {
            AuthenticationResultType result = cognito.adminInitiateAuth(r -> r.userPoolId(poolId)
                    .clientId(publicClientId).authFlow(AuthFlowType.ADMIN_USER_PASSWORD_AUTH)
                    .authParameters(Map.of("USERNAME", USERNAME, "PASSWORD", PASSWORD))).authenticationResult();
            if (result != null) {
                accessToken = result.accessToken();
                refreshToken = result.refreshToken();
                idToken = result.idToken();
            }
        } catch (CognitoIdentityProviderException e) {
            // The fuzzer may have disabled the user, changed its password or the client's flows: heal() sees to it.
        }
    }

    /** Makes a new pool when the fuzzer deleted or broke a part of this one; renews the user's tokens. */
    void heal() {
        try {
            cognito.describeUserPool(r -> r.userPoolId(poolId));
            cognito.describeUserPoolClient(r -> r.userPoolId(poolId).clientId(publicClientId));
            cognito.describeUserPoolClient(r -> r.userPoolId(poolId).clientId(secretClientId));
            var user = cognito.adminGetUser(r -> r.userPoolId(poolId).username(USERNAME));
            if (!user.enabled()) {
                cognito.adminEnableUser(r -> r.userPoolId(poolId).username(USERNAME));
            }
            cognito.adminSetUserPassword(r -> r.userPoolId(poolId).username(USERNAME).password(PASSWORD)
                    .permanent(true));
            signIn();
        } catch (CognitoIdentityProviderException e) {
            create();
        }
    }

    String poolId() {
        return poolId;
    }

    String publicClientId() {
        return publicClientId;
    }

    String secretClientId() {
        return secretClientId;
    }

    String clientSecret() {
        return clientSecret;
    }

    String domain() {
        return domain;
    }

    String accessToken() {
        return accessToken;
    }

    String refreshToken() {
        return refreshToken;
    }

    String idToken() {
        return idToken;
    }

    /** Ids of the same form that name nothing: the handlers' "not found" paths. */
    static List<String> strangers() {
        return List.of("us-east-1_NoSuchPool0", "eu-west-1_Z", "1234567890abcdefghijklmnop", "nobody",
                Gatehouse.REGION.id() + "_" + "a".repeat(40));
    }
}
