package io.gatehouse.bench;

import com.fasterxml.jackson.databind.JsonNode;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Map;

/**
 * Gatehouse through its Cognito API: the pool and users are made with the AWS SDK (signed admin calls), the load is
 * InitiateAuth as an app sends it, without the SDK's own overhead in the driver.
 */
final class GatehouseTarget implements Target {

    private static final String TARGET_PREFIX = "AWSCognitoIdentityProviderService.";

    private final URI endpoint;
    private final String adminKey;
    private final String adminSecret;
    private String clientId;

    GatehouseTarget(URI endpoint, String adminKey, String adminSecret) {
        this.endpoint = endpoint;
        this.adminKey = adminKey;
        this.adminSecret = adminSecret;
    }

    @Override
    public void setUp(int users) {
        try (CognitoIdentityProviderClient cognito = CognitoIdentityProviderClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(adminKey, adminSecret)))
                .httpClient(UrlConnectionHttpClient.create())
                .build()) {
            String poolId = cognito.createUserPool(r -> r.poolName("bench-" + System.currentTimeMillis()))
                    .userPool().id();
            clientId = cognito.createUserPoolClient(r -> r.userPoolId(poolId).clientName("bench")
                    .explicitAuthFlows(ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH,
                            ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH)).userPoolClient().clientId();
            for (int user = 0; user < users; user++) {
                String username = Users.name(user);
                cognito.signUp(r -> r.clientId(clientId).username(username).password(Users.PASSWORD));
                cognito.adminConfirmSignUp(r -> r.userPoolId(poolId).username(username));
            }
        }
    }

    @Override
    public String signIn(int user) throws IOException, InterruptedException {
        JsonNode result = call("InitiateAuth", Map.of("AuthFlow", "USER_PASSWORD_AUTH", "ClientId", clientId,
                "AuthParameters", Map.of("USERNAME", Users.name(user), "PASSWORD", Users.PASSWORD)));
        return result.path("AuthenticationResult").path("RefreshToken").asText();
    }

    @Override
    public String refresh(String refreshToken) throws IOException, InterruptedException {
        JsonNode result = call("InitiateAuth", Map.of("AuthFlow", "REFRESH_TOKEN_AUTH", "ClientId", clientId,
                "AuthParameters", Map.of("REFRESH_TOKEN", refreshToken)));
        if (!result.path("AuthenticationResult").has("AccessToken")) {
            throw new IOException("no access token in " + result);
        }
        return refreshToken;
    }

    private JsonNode call(String operation, Object body) throws IOException, InterruptedException {
        HttpRequest.Builder request = Http.postJson(endpoint, body)
                .setHeader("Content-Type", "application/x-amz-json-1.1")
                .header("X-Amz-Target", TARGET_PREFIX + operation);
        JsonNode result = Http.send(request);
        if (!result.path("AuthenticationResult").has("IdToken")) {
            throw new IOException(operation + " returned no tokens: " + result);
        }
        return result;
    }
}
