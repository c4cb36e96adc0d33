package io.gatehouse.it.cognito;

import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import io.gatehouse.it.Gatehouse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ClientSecretDescriptorType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.LimitExceededException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.OAuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolClientType;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Client secret rotation as Cognito offers it (AddUserPoolClientSecret, ListUserPoolClientSecrets,
 * DeleteUserPoolClientSecret), through the AWS SDK for Java v2: while a client has two secrets each one proves it,
 * by SECRET_HASH and at /oauth2/token; a deleted one no longer does; the limits answer Cognito's errors; and the new
 * secret is sealed in the database like the first.
 */
class ClientSecretRotationIT {

    private static final String PASSWORD = "Rotate-Secrets-1";
    private static final URI TOKEN = Gatehouse.ENDPOINT.resolve("/oauth2/token");
    private static final String SCOPE_SERVER = "https://rotation.example.com";

    private static CognitoIdentityProviderClient cognito;
    private static String poolId;

    @BeforeAll
    static void pool() {
        cognito = Gatehouse.adminClient();
        poolId = cognito.createUserPool(r -> r.poolName("secret-rotation")).userPool().id();
        cognito.createResourceServer(r -> r.userPoolId(poolId).identifier(SCOPE_SERVER).name("API")
                .scopes(s -> s.scopeName("read").scopeDescription("Read")));
        cognito.adminCreateUser(r -> r.userPoolId(poolId).username("rosa").messageAction(MessageActionType.SUPPRESS)
                .temporaryPassword("Temporary-Pass-1"));
        cognito.adminSetUserPassword(r -> r.userPoolId(poolId).username("rosa").password(PASSWORD).permanent(true));
    }

    @AfterAll
    static void close() {
        cognito.close();
    }

    private static UserPoolClientType confidentialClient(String name) {
        return cognito.createUserPoolClient(r -> r.userPoolId(poolId).clientName(name).generateSecret(true)
                .explicitAuthFlows(ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH,
                        ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH)).userPoolClient();
    }

    private static void signIn(String clientId, String secret) throws Exception {
        String hash = Clients.secretHash(secret, "rosa", clientId);
        assertThat(cognito.initiateAuth(r -> r.clientId(clientId).authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", "rosa", "PASSWORD", PASSWORD, "SECRET_HASH", hash)))
                .authenticationResult().accessToken()).isNotBlank();
    }

    private static TokenResponse clientCredentials(String clientId, String secret, boolean basic) throws Exception {
        ClientID id = new ClientID(clientId);
        return TokenResponse.parse(new TokenRequest(TOKEN, basic ? new ClientSecretBasic(id, new Secret(secret))
                : new ClientSecretPost(id, new Secret(secret)), new ClientCredentialsGrant(), null)
                .toHTTPRequest().send());
    }

    private static List<ClientSecretDescriptorType> list(String clientId) {
        return cognito.listUserPoolClientSecrets(r -> r.userPoolId(poolId).clientId(clientId)).clientSecrets();
    }

    @Test
    void rotationWhenASecondSecretIsAddedThenBothProveTheClientUntilOneIsDeleted() throws Exception {
        UserPoolClientType client = cognito.createUserPoolClient(r -> r.userPoolId(poolId).clientName("rotating")
                .generateSecret(true).explicitAuthFlows(ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH,
                        ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH)
                .allowedOAuthFlowsUserPoolClient(true).allowedOAuthFlows(OAuthFlowType.CLIENT_CREDENTIALS)
                .allowedOAuthScopes(SCOPE_SERVER + "/read")).userPoolClient();
        String clientId = client.clientId();
        String first = client.clientSecret();
        List<ClientSecretDescriptorType> before = list(clientId);
        assertThat(before).hasSize(1);
        assertThat(before.get(0).clientSecretId()).startsWith(clientId + "--");
        assertThat(before.get(0).clientSecretValue()).as("never listed").isNull();

        ClientSecretDescriptorType added = cognito.addUserPoolClientSecret(r -> r.userPoolId(poolId)
                .clientId(clientId)).clientSecretDescriptor();
        String second = added.clientSecretValue();
        assertThat(second).as("a generated secret is returned once").matches("[\\w+]{24,64}").isNotEqualTo(first);
        assertThat(added.clientSecretId()).matches(clientId + "--\\d+")
                .isNotEqualTo(before.get(0).clientSecretId());
        assertThat(added.clientSecretCreateDate()).isAfterOrEqualTo(before.get(0).clientSecretCreateDate());
        List<ClientSecretDescriptorType> both = list(clientId);
        assertThat(both).extracting(ClientSecretDescriptorType::clientSecretId)
                .containsExactly(before.get(0).clientSecretId(), added.clientSecretId());
        assertThat(both).allSatisfy(d -> assertThat(d.clientSecretValue()).isNull());
        assertThat(cognito.describeUserPoolClient(r -> r.userPoolId(poolId).clientId(clientId)).userPoolClient()
                .clientSecret()).as("DescribeUserPoolClient shows the newest").isEqualTo(second);

        for (String secret : List.of(first, second)) {
            signIn(clientId, secret);
            assertThat(clientCredentials(clientId, secret, true).indicatesSuccess()).isTrue();
            assertThat(clientCredentials(clientId, secret, false).indicatesSuccess()).isTrue();
        }
        assertThatThrownBy(() -> signIn(clientId, "not" + first)).isInstanceOf(NotAuthorizedException.class);

        cognito.deleteUserPoolClientSecret(r -> r.userPoolId(poolId).clientId(clientId)
                .clientSecretId(before.get(0).clientSecretId()));

        assertThat(list(clientId)).extracting(ClientSecretDescriptorType::clientSecretId)
                .containsExactly(added.clientSecretId());
        assertThatThrownBy(() -> signIn(clientId, first)).isInstanceOf(NotAuthorizedException.class)
                .hasMessageContaining("secret hash");
        TokenResponse refused = clientCredentials(clientId, first, true);
        assertThat(((TokenErrorResponse) refused).getErrorObject().getCode()).isEqualTo("invalid_client");
        signIn(clientId, second);
        assertThat(clientCredentials(clientId, second, true).indicatesSuccess()).isTrue();
        assertThat(cognito.describeUserPoolClient(r -> r.userPoolId(poolId).clientId(clientId)).userPoolClient()
                .clientSecret()).isEqualTo(second);

        assertThatThrownBy(() -> cognito.deleteUserPoolClientSecret(r -> r.userPoolId(poolId).clientId(clientId)
                .clientSecretId(added.clientSecretId()))).isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("last secret");
        signIn(clientId, second);
    }

    @Test
    void addWhenTheCallerChoosesTheSecretThenItIsNotSentBackAndAThirdIsRefused() throws Exception {
        String clientId = confidentialClient("chosen").clientId();
        String chosen = "chosen+" + UUID.randomUUID().toString().replace("-", "");

        ClientSecretDescriptorType added = cognito.addUserPoolClientSecret(r -> r.userPoolId(poolId)
                .clientId(clientId).clientSecret(chosen)).clientSecretDescriptor();

        assertThat(added.clientSecretValue()).as("a chosen secret is not returned").isNull();
        assertThat(added.clientSecretId()).startsWith(clientId + "--");
        signIn(clientId, chosen);
        assertThatThrownBy(() -> cognito.addUserPoolClientSecret(r -> r.userPoolId(poolId).clientId(clientId)))
                .isInstanceOf(LimitExceededException.class);
        assertThat(list(clientId)).hasSize(2);
    }

    @Test
    void secretCallsWhenInputIsWrongThenCognitoErrorsAndNothingChanges() {
        String clientId = confidentialClient("limits").clientId();
        String publicClient = cognito.createUserPoolClient(r -> r.userPoolId(poolId).clientName("public"))
                .userPoolClient().clientId();

        assertThatThrownBy(() -> cognito.addUserPoolClientSecret(r -> r.userPoolId(poolId).clientId(clientId)
                .clientSecret("tooShort"))).isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> cognito.addUserPoolClientSecret(r -> r.userPoolId(poolId).clientId(clientId)
                .clientSecret("has spaces and-dashes-which-are-not-allowed"))).isInstanceOf(
                InvalidParameterException.class);
        assertThatThrownBy(() -> cognito.addUserPoolClientSecret(r -> r.userPoolId(poolId)
                .clientId(publicClient))).isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("confidential");
        assertThatThrownBy(() -> cognito.addUserPoolClientSecret(r -> r.userPoolId(poolId)
                .clientId("nosuchclient0000000000000"))).isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> cognito.listUserPoolClientSecrets(r -> r.userPoolId(poolId)
                .clientId("nosuchclient0000000000000"))).isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> cognito.deleteUserPoolClientSecret(r -> r.userPoolId(poolId).clientId(clientId)
                .clientSecretId(clientId + "--1"))).isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> cognito.deleteUserPoolClientSecret(r -> r.userPoolId(poolId).clientId(clientId)
                .clientSecretId(list(clientId).get(0).clientSecretId()))).isInstanceOf(
                InvalidParameterException.class);
        String existing = cognito.describeUserPoolClient(r -> r.userPoolId(poolId).clientId(clientId))
                .userPoolClient().clientSecret();
        assertThatThrownBy(() -> cognito.addUserPoolClientSecret(r -> r.userPoolId(poolId).clientId(clientId)
                .clientSecret(existing))).isInstanceOf(InvalidParameterException.class);

        assertThat(list(clientId)).hasSize(1);
        assertThat(list(publicClient)).isEmpty();
    }

    @Test
    void databaseWhenAClientHasTwoSecretsThenNeitherIsStoredInClear() throws Exception {
        UserPoolClientType client = confidentialClient("sealed");
        String chosen = "sealedSecond+" + UUID.randomUUID().toString().replace("-", "");
        String secondId = cognito.addUserPoolClientSecret(r -> r.userPoolId(poolId).clientId(client.clientId())
                .clientSecret(chosen)).clientSecretDescriptor().clientSecretId();
        signIn(client.clientId(), chosen);

        if (Gatehouse.onPostgres()) {
            String where = " FROM user_pool_client WHERE client_id = ?";
            assertThat(AtRest.column("SELECT client_secret" + where, client.clientId())).startsWith("gh1:")
                    .doesNotContain(client.clientSecret());
            assertThat(AtRest.column("SELECT second_client_secret" + where, client.clientId())).startsWith("gh1:")
                    .doesNotContain(chosen);
            assertThat(AtRest.column("SELECT second_client_secret_id" + where, client.clientId()))
                    .isEqualTo(secondId);
            return;
        }
        String content = AtRest.fileHolding(client.clientId(), secondId);
        // Booleans, not doesNotContain: a failure must not print the whole file.
        assertThat(content.contains(chosen)).as("the second secret in the file").isFalse();
        assertThat(content.contains(client.clientSecret())).as("the first secret in the file").isFalse();
    }
}
