package io.gatehouse.it.mpjwt;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.gatehouse.it.Gatehouse;
import io.gatehouse.it.support.ProviderInstaller;
import io.gatehouse.it.support.ServerDataKey;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Cognito-authorizer equivalent: a JAX-RS application protected by MicroProfile JWT, configured with a
 * pool's JWKS and issuer, deployed beside Gatehouse on the test server, accepts the pool's access tokens and
 * refuses tampered, expired and other pools' tokens. Runs against the PostgreSQL server, whose database the test
 * can read to mint a genuinely expired token with the pool's own key (opened with the server's data key).
 */
class ResourceServerIT {

    private static final String PASSWORD = "Correct-Horse-9";
    private static final Duration DEPLOY_WAIT = Duration.ofSeconds(120);

    private static CognitoIdentityProviderClient cognito;
    private static Path override;
    private static String poolId;
    private static String username;
    private static AuthenticationResultType tokens;
    private static AuthenticationResultType otherPoolTokens;

    @BeforeAll
    static void deploy() throws Exception {
        cognito = Gatehouse.adminClient();
        poolId = cognito.createUserPool(r -> r.poolName("resource-server")).userPool().id();
        username = "user-" + UUID.randomUUID();
        tokens = signedIn(poolId, username);
        otherPoolTokens = signedIn(cognito.createUserPool(r -> r.poolName("elsewhere")).userPool().id(), username);

        Path dir = Files.createTempDirectory("resource-server");
        Path war = ResourceServerWar.build(dir, Gatehouse.ENDPOINT + "/" + poolId);
        override = Gatehouse.serverDir().resolve("configDropins/overrides/resource-server.xml");
        Files.createDirectories(override.getParent());
        Files.writeString(override, """
                <server>
                    <featureManager><feature>mpJwt-2.1</feature></featureManager>
                    <mpJwt id="gatehouseAccessTokens" groupNameAttribute="token_use" userNameAttribute="username"/>
                    <webApplication id="resourceServer" location="%s" contextRoot="/resource-server"/>
                </server>
                """.formatted(war.toAbsolutePath()));
        // Adding the feature restarts Gatehouse too: wait for both the resource server and the pool's JWKS.
        Instant deadline = Instant.now().plus(DEPLOY_WAIT);
        while ((call(tokens.accessToken()).statusCode() == 404 || jwksStatus() != 200)
                && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
        }
    }

    private static int jwksStatus() throws Exception {
        return Gatehouse.HTTP.send(HttpRequest.newBuilder(Gatehouse.ENDPOINT.resolve("/" + poolId
                + "/.well-known/jwks.json")).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @AfterAll
    static void undeploy() throws Exception {
        if (override != null) {
            Files.deleteIfExists(override);
            // Back to Gatehouse's own features; wait until its API answers again.
            Instant deadline = Instant.now().plus(DEPLOY_WAIT);
            while (Instant.now().isBefore(deadline)) {
                try {
                    cognito.listUserPools(r -> r.maxResults(1));
                    if (call(tokens.accessToken()).statusCode() == 404) {
                        break;
                    }
                } catch (RuntimeException e) {
                    // restarting
                }
                Thread.sleep(500);
            }
            // Liberty may restart Gatehouse a second time a moment later: the next suite must not meet that one.
            ProviderInstaller.awaitReadiness(readiness -> "UP".equals(readiness.path("status").asText()));
        }
        cognito.close();
    }

    @Test
    void resourceWhenAccessTokenOfThePoolThen200WithItsUsername() throws Exception {
        HttpResponse<String> response = call(tokens.accessToken());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(username);
    }

    @Test
    void resourceWhenTamperedThen401() throws Exception {
        String[] parts = tokens.accessToken().split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1])).replace(username, "mallory");
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes())
                + "." + parts[2];

        assertThat(call(tampered).statusCode()).isEqualTo(401);
    }

    @Test
    void resourceWhenOtherPoolsTokenThen401() throws Exception {
        assertThat(call(otherPoolTokens.accessToken()).statusCode()).isEqualTo(401);
    }

    @Test
    void resourceWhenNoTokenOrAnIdTokenThen401() throws Exception {
        assertThat(Gatehouse.HTTP.send(HttpRequest.newBuilder(Gatehouse.ENDPOINT.resolve("/resource-server/api/me"))
                .build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
        // An ID token carries the app client as its audience, which this resource server does not accept.
        assertThat(call(tokens.idToken()).statusCode()).isEqualTo(401);
    }

    @Test
    void resourceWhenExpiredTokenSignedWithThePoolsKeyThen401() throws Exception {
        RSAKey key = poolAccessKey();
        SignedJWT original = SignedJWT.parse(tokens.accessToken());
        Instant past = Instant.now().minus(Duration.ofHours(2));
        JWTClaimsSet expired = new JWTClaimsSet.Builder(original.getJWTClaimsSet())
                .issueTime(Date.from(past))
                .expirationTime(Date.from(past.plus(Duration.ofHours(1))))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                .type(JOSEObjectType.JWT).build(), expired);
        jwt.sign(new RSASSASigner(key));

        assertThat(call(jwt.serialize()).statusCode()).isEqualTo(401);
    }

    private static RSAKey poolAccessKey() throws Exception {
        String kid = SignedJWT.parse(tokens.accessToken()).getHeader().getKeyID();
        try (Connection c = DriverManager.getConnection(Gatehouse.property("gatehouse.it.jdbc.url"),
                Gatehouse.property("gatehouse.it.jdbc.user"), "");
             PreparedStatement query = c.prepareStatement(
                     "SELECT user_pool_id, private_jwk FROM signing_key WHERE kid = ?")) {
            query.setString(1, kid);
            try (ResultSet rs = query.executeQuery()) {
                assertThat(rs.next()).isTrue();
                // The key is sealed with the server's data key, which the test has from the server's directory.
                return RSAKey.parse(ServerDataKey.open(rs.getString(2), "signing_key.private_jwk", rs.getString(1),
                        kid));
            }
        }
    }

    private static AuthenticationResultType signedIn(String pool, String user) {
        String client = cognito.createUserPoolClient(r -> r.userPoolId(pool).clientName("app")
                .explicitAuthFlows(ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH,
                        ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH)).userPoolClient().clientId();
        cognito.signUp(r -> r.clientId(client).username(user).password(PASSWORD));
        cognito.adminConfirmSignUp(r -> r.userPoolId(pool).username(user));
        return cognito.initiateAuth(r -> r.clientId(client).authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", user, "PASSWORD", PASSWORD))).authenticationResult();
    }

    private static HttpResponse<String> call(String token) throws Exception {
        return Gatehouse.HTTP.send(HttpRequest.newBuilder(Gatehouse.ENDPOINT.resolve("/resource-server/api/me"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
    }
}
