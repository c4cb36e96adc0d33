package io.gatehouse.it.cognito;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.token.OIDCTokens;
import io.gatehouse.it.Gatehouse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidOAuthFlowException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.OAuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceServerType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ScopeDoesNotExistException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolClientType;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Resource servers and the token endpoint: a stock OAuth 2.0 client library (Nimbus OAuth 2.0 SDK) gets a client
 * credentials token with a custom scope and refreshes a user's sign-in; errors come in RFC 6749's form.
 */
class OAuthTokenIT {

    private static final URI TOKEN = Gatehouse.ENDPOINT.resolve("/oauth2/token");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static CognitoIdentityProviderClient cognito;
    private static String poolId;
    private static UserPoolClientType machine;

    @BeforeAll
    static void pool() {
        cognito = Gatehouse.adminClient();
        poolId = cognito.createUserPool(r -> r.poolName("oauth")).userPool().id();
        cognito.createResourceServer(r -> r.userPoolId(poolId).identifier("https://api.example.com").name("API")
                .scopes(s -> s.scopeName("read").scopeDescription("Read"),
                        s -> s.scopeName("write").scopeDescription("Write")));
        machine = cognito.createUserPoolClient(r -> r.userPoolId(poolId).clientName("machine").generateSecret(true)
                .allowedOAuthFlowsUserPoolClient(true).allowedOAuthFlows(OAuthFlowType.CLIENT_CREDENTIALS)
                .allowedOAuthScopes("https://api.example.com/read")).userPoolClient();
    }

    @AfterAll
    static void close() {
        cognito.close();
    }

    private static JWTClaimsSet verified(String jwt) throws Exception {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, JWKSourceBuilder
                .create(new URL(Gatehouse.ENDPOINT + "/" + poolId + "/.well-known/jwks.json")).build()));
        return processor.process(jwt, null);
    }

    private static HttpResponse<String> post(String form, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(TOKEN)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return Gatehouse.HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String id, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((id + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    private static String error(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body()).path("error").asText();
    }

    @Test
    void clientCredentialsWhenStockClientAsksThenAccessTokenWithTheCustomScope() throws Exception {
        ClientID id = new ClientID(machine.clientId());
        Secret secret = new Secret(machine.clientSecret());

        TokenResponse basic = TokenResponse.parse(new TokenRequest(TOKEN, new ClientSecretBasic(id, secret),
                new ClientCredentialsGrant(), new Scope("https://api.example.com/read")).toHTTPRequest().send());
        TokenResponse post = TokenResponse.parse(new TokenRequest(TOKEN, new ClientSecretPost(id, secret),
                new ClientCredentialsGrant(), null).toHTTPRequest().send());

        assertThat(basic.indicatesSuccess()).as(String.valueOf(basic)).isTrue();
        AccessTokenResponse success = basic.toSuccessResponse();
        assertThat(success.getTokens().getAccessToken().getLifetime()).isEqualTo(3600);
        JWTClaimsSet claims = verified(success.getTokens().getAccessToken().getValue());
        assertThat(claims.getSubject()).isEqualTo(machine.clientId());
        assertThat(claims.getStringClaim("client_id")).isEqualTo(machine.clientId());
        assertThat(claims.getStringClaim("token_use")).isEqualTo("access");
        assertThat(claims.getStringClaim("scope")).isEqualTo("https://api.example.com/read");
        assertThat(claims.getIssuer()).isEqualTo(Gatehouse.ENDPOINT + "/" + poolId);
        assertThat(post.indicatesSuccess()).as("client_secret_post, all allowed scopes").isTrue();
        assertThat(verified(post.toSuccessResponse().getTokens().getAccessToken().getValue()).getStringClaim("scope"))
                .isEqualTo("https://api.example.com/read");
        String token = success.getTokens().getAccessToken().getValue();
        assertThatThrownBy(() -> cognito.getUser(r -> r.accessToken(token)))
                .as("a client's own token cannot act as a user").isInstanceOf(NotAuthorizedException.class);
    }

    @Test
    void tokenEndpointWhenRequestIsWrongThenRfc6749Errors() throws Exception {
        String good = basic(machine.clientId(), machine.clientSecret());

        HttpResponse<String> wrongSecret = post("grant_type=client_credentials", basic(machine.clientId(), "nope"));
        assertThat(wrongSecret.statusCode()).isEqualTo(401);
        assertThat(error(wrongSecret)).isEqualTo("invalid_client");
        assertThat(wrongSecret.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v)
                .startsWith("Basic"));
        HttpResponse<String> otherScope = post("grant_type=client_credentials&scope=https%3A%2F%2Fapi.example.com"
                + "%2Fwrite", good);
        assertThat(otherScope.statusCode()).isEqualTo(400);
        assertThat(error(otherScope)).isEqualTo("invalid_scope");
        assertThat(error(post("grant_type=password&username=a&password=b", good))).isEqualTo("unsupported_grant_type");
        assertThat(error(post("scope=x", good))).isEqualTo("invalid_request");
        assertThat(error(post("grant_type=client_credentials&client_secret=" + machine.clientSecret(), good)))
                .as("two authentication methods").isEqualTo("invalid_request");
        HttpResponse<String> unknown = post("grant_type=client_credentials", basic("nosuchclient", "x"));
        assertThat(unknown.statusCode()).isEqualTo(401);
        assertThat(unknown.body()).doesNotContain("Exception").doesNotContain("at io.");
        String publicClient = Clients.passwordClient(cognito, poolId);
        assertThat(error(post("grant_type=client_credentials&client_id=" + publicClient, null)))
                .isEqualTo("unauthorized_client");
        assertThat(post("grant_type=client_credentials", good).headers().firstValue("Cache-Control"))
                .contains("no-store");
    }

    @Test
    void refreshTokenGrantWhenUserSignedInThenStockClientGetsNewIdAndAccessTokens() throws Exception {
        String client = Clients.passwordClient(cognito, poolId);
        cognito.adminCreateUser(r -> r.userPoolId(poolId).username("olga").messageAction(MessageActionType.SUPPRESS)
                .temporaryPassword("Temporary-Pass-1"));
        cognito.adminSetUserPassword(r -> r.userPoolId(poolId).username("olga").password("Refresh-Pass-1")
                .permanent(true));
        String refresh = cognito.initiateAuth(r -> r.clientId(client).authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", "olga", "PASSWORD", "Refresh-Pass-1"))).authenticationResult()
                .refreshToken();

        TokenResponse response = OIDCTokenResponseParser.parse(new TokenRequest(TOKEN, new ClientID(client),
                new RefreshTokenGrant(new RefreshToken(refresh))).toHTTPRequest().send());

        assertThat(response.indicatesSuccess()).as(String.valueOf(response)).isTrue();
        OIDCTokens tokens = ((com.nimbusds.openid.connect.sdk.OIDCTokenResponse) response.toSuccessResponse())
                .getOIDCTokens();
        assertThat(verified(tokens.getIDTokenString()).getStringClaim("cognito:username")).isEqualTo("olga");
        assertThat(cognito.getUser(r -> r.accessToken(tokens.getAccessToken().getValue())).username())
                .isEqualTo("olga");
        TokenResponse bad = TokenResponse.parse(new TokenRequest(TOKEN, new ClientID(client),
                new RefreshTokenGrant(new RefreshToken("not-a-refresh-token"))).toHTTPRequest().send());
        assertThat(((TokenErrorResponse) bad).getErrorObject().getCode()).isEqualTo("invalid_grant");
    }

    @Test
    void revokeWhenClientRevokesItsRefreshTokenThenSignInEndsAndUnknownTokensAreAnswered200() throws Exception {
        String client = Clients.passwordClient(cognito, poolId);
        cognito.adminCreateUser(r -> r.userPoolId(poolId).username("rita").messageAction(MessageActionType.SUPPRESS)
                .temporaryPassword("Temporary-Pass-1"));
        cognito.adminSetUserPassword(r -> r.userPoolId(poolId).username("rita").password("Revoke-Pass-1")
                .permanent(true));
        var signIn = cognito.initiateAuth(r -> r.clientId(client).authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", "rita", "PASSWORD", "Revoke-Pass-1"))).authenticationResult();
        URI revoke = Gatehouse.ENDPOINT.resolve("/oauth2/revoke");

        HttpResponse<String> revoked = Gatehouse.HTTP.send(HttpRequest.newBuilder(revoke)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("client_id=" + client + "&token=" + signIn.refreshToken()))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(revoked.statusCode()).isEqualTo(200);
        assertThatThrownBy(() -> cognito.getUser(r -> r.accessToken(signIn.accessToken())))
                .isInstanceOf(NotAuthorizedException.class);
        HttpResponse<String> refresh = post("grant_type=refresh_token&client_id=" + client + "&refresh_token="
                + signIn.refreshToken(), null);
        assertThat(error(refresh)).isEqualTo("invalid_grant");
        HttpResponse<String> unknown = Gatehouse.HTTP.send(HttpRequest.newBuilder(revoke)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("client_id=" + client + "&token=not-a-token")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(unknown.statusCode()).as("RFC 7009: nothing to say about other tokens").isEqualTo(200);
        HttpResponse<String> noToken = Gatehouse.HTTP.send(HttpRequest.newBuilder(revoke)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", basic(machine.clientId(), "wrong"))
                .POST(HttpRequest.BodyPublishers.ofString("token=x")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(noToken.statusCode()).isEqualTo(401);
    }

    @Test
    void resourceServersWhenManagedThenListedUpdatedDeletedAndClientScopesChecked() {
        cognito.createResourceServer(r -> r.userPoolId(poolId).identifier("orders").name("Orders")
                .scopes(s -> s.scopeName("list").scopeDescription("List orders")));
        assertThat(cognito.listResourceServers(r -> r.userPoolId(poolId).maxResults(1)).nextToken()).isNotNull();
        assertThat(cognito.listResourceServers(r -> r.userPoolId(poolId).maxResults(50)).resourceServers())
                .extracting(ResourceServerType::identifier).contains("orders", "https://api.example.com");

        ResourceServerType updated = cognito.updateResourceServer(r -> r.userPoolId(poolId).identifier("orders")
                .name("Orders v2").scopes(s -> s.scopeName("cancel").scopeDescription("Cancel"))).resourceServer();
        assertThat(updated.name()).isEqualTo("Orders v2");
        assertThat(updated.scopes()).extracting(s -> s.scopeName()).containsExactly("cancel");
        assertThatThrownBy(() -> cognito.createUserPoolClient(r -> r.userPoolId(poolId).clientName("x")
                .generateSecret(true).allowedOAuthFlowsUserPoolClient(true)
                .allowedOAuthFlows(OAuthFlowType.CLIENT_CREDENTIALS).allowedOAuthScopes("orders/list")))
                .isInstanceOf(ScopeDoesNotExistException.class);
        assertThatThrownBy(() -> cognito.createUserPoolClient(r -> r.userPoolId(poolId).clientName("x")
                .generateSecret(true).allowedOAuthFlowsUserPoolClient(true)
                .allowedOAuthFlows(OAuthFlowType.CLIENT_CREDENTIALS).allowedOAuthScopes("openid")))
                .isInstanceOf(InvalidOAuthFlowException.class);

        cognito.deleteResourceServer(r -> r.userPoolId(poolId).identifier("orders"));
        assertThatThrownBy(() -> cognito.describeResourceServer(r -> r.userPoolId(poolId).identifier("orders")))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void discoveryWhenReadThenListsTheTokenEndpointAndItsMethods() throws Exception {
        JsonNode document = JSON.readTree(Gatehouse.HTTP.send(HttpRequest.newBuilder(Gatehouse.ENDPOINT.resolve(
                "/" + poolId + "/.well-known/openid-configuration")).build(), HttpResponse.BodyHandlers.ofString())
                .body());
        assertThat(document.path("token_endpoint").asText()).isEqualTo(TOKEN.toString());
        assertThat(document.path("revocation_endpoint").asText()).endsWith("/oauth2/revoke");
        assertThat(document.path("grant_types_supported").toString()).contains("client_credentials", "refresh_token");
        assertThat(document.path("token_endpoint_auth_methods_supported").toString())
                .contains("client_secret_basic", "client_secret_post");
    }
}
