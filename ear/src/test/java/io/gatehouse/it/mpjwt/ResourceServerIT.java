package io.gatehouse.it.mpjwt;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import io.gatehouse.it.Gatehouse;
import io.gatehouse.it.attacks.JwtForgeries;
import io.gatehouse.it.attacks.PoolSigningKey;
import io.gatehouse.it.support.ProviderInstaller;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Cognito-authorizer equivalent: a JAX-RS application protected by MicroProfile JWT, configured with a
 * pool's JWKS and issuer, deployed beside Gatehouse on the test server, accepts the pool's access tokens and
 * refuses tampered, expired and other pools' tokens, and the JWT attack corpus's forgeries (what Gatehouse's JWKS
 * and issuer make such an app accept). Runs against the PostgreSQL server (in the embedded suite its deployment
 * would cost the server one more restart); tokens whose claims are wrong are signed with the pool's own key, read
 * from the database and opened with the server's data key.
 */
class ResourceServerIT {

    private static final String PASSWORD = "Correct-Horse-9";
    private static final Duration DEPLOY_WAIT = Duration.ofSeconds(120);
    private static final RSAKey ATTACKER = attackerKey();
    /** Liberty's messages: features removed; an application started or updated (restarted). */
    private static final Pattern FEATURES_REMOVED = Pattern.compile("CWWKF0013I");
    private static final Pattern GATEHOUSE_STARTED = Pattern.compile("CWWKZ000[13]I: .*\\bgatehouse\\b");

    private static CognitoIdentityProviderClient cognito;
    private static Path override;
    private static String poolId;
    private static String username;
    private static AuthenticationResultType tokens;
    private static AuthenticationResultType otherPoolTokens;

    private static RSAKey attackerKey() {
        try {
            return new RSAKeyGenerator(2048).keyID("attacker").generate();
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

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
            Path log = Gatehouse.serverDir().resolve("logs/messages.log");
            long logged = Files.size(log);
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
            // The old Gatehouse answers (and is ready) until Liberty gets to restarting it, which can be seconds
            // after the resource server has gone: wait for the server to say the features are removed and
            // Gatehouse has started again after that.
            awaitLogged(log, logged, FEATURES_REMOVED, GATEHOUSE_STARTED);
            // Liberty may restart Gatehouse a second time a moment later: the next suite must not meet that one.
            ProviderInstaller.awaitReadiness(readiness -> "UP".equals(readiness.path("status").asText()));
        }
        cognito.close();
    }

    /** Waits until the server log, past its first {@code from} bytes, has a line {@code first}, then {@code then}. */
    private static void awaitLogged(Path log, long from, Pattern first, Pattern then) throws Exception {
        Instant deadline = Instant.now().plus(DEPLOY_WAIT);
        while (Instant.now().isBefore(deadline)) {
            String added;
            try (var channel = Files.newByteChannel(log)) {
                channel.position(Math.min(from, channel.size()));
                added = new String(java.nio.channels.Channels.newInputStream(channel).readAllBytes(),
                        java.nio.charset.StandardCharsets.UTF_8);
            }
            Matcher removed = first.matcher(added);
            if (removed.find() && then.matcher(added).find(removed.end())) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the server did not log " + first + " and then " + then);
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
        // The key is sealed with the server's data key, which the test has from the server's directory.
        return PoolSigningKey.of(SignedJWT.parse(tokens.accessToken()).getHeader().getKeyID());
    }

    /** A forged access token, made from the pool's genuine one. */
    @FunctionalInterface
    private interface Forged {
        String token() throws Exception;
    }

    static Stream<Arguments> forgeries() {
        return Stream.of(
                Arguments.of("alg none, signature dropped", (Forged) () ->
                        JwtForgeries.unsigned(tokens.accessToken(), "none", true)),
                Arguments.of("alg none, signature kept", (Forged) () ->
                        JwtForgeries.unsigned(tokens.accessToken(), "none", false)),
                Arguments.of("HS256 keyed with the pool's public key as PEM", (Forged) () ->
                        JwtForgeries.hmacKeyedWithPublicKey(tokens.accessToken(), publishedKey(), true)),
                Arguments.of("HS256 keyed with the pool's public key as DER", (Forged) () ->
                        JwtForgeries.hmacKeyedWithPublicKey(tokens.accessToken(), publishedKey(), false)),
                Arguments.of("the kid of another pool's key, signature kept", (Forged) () ->
                        JwtForgeries.headerChanged(tokens.accessToken(), "kid",
                                SignedJWT.parse(otherPoolTokens.accessToken()).getHeader().getKeyID())),
                Arguments.of("another pool's token with this pool as issuer", (Forged) () ->
                        JwtForgeries.payloadChanged(otherPoolTokens.accessToken(),
                                b -> b.issuer(Gatehouse.ENDPOINT + "/" + poolId))),
                Arguments.of("jku pointing to the attacker's key set", (Forged) () ->
                        JwtForgeries.signedBy(tokens.accessToken(), new JWSHeader.Builder(JWSAlgorithm.RS256)
                                .keyID(ATTACKER.getKeyID()).jwkURL(URI.create("https://attacker.example/jwks.json"))
                                .build(), ATTACKER)),
                Arguments.of("x5u pointing to the attacker's certificate, with the pool's kid", (Forged) () ->
                        JwtForgeries.signedBy(tokens.accessToken(), new JWSHeader.Builder(JWSAlgorithm.RS256)
                                .keyID(publishedKey().getKeyID())
                                .x509CertURL(URI.create("https://attacker.example/c.pem")).build(), ATTACKER)),
                Arguments.of("the attacker's key embedded as jwk", (Forged) () ->
                        JwtForgeries.signedBy(tokens.accessToken(), new JWSHeader.Builder(JWSAlgorithm.RS256)
                                .jwk(ATTACKER.toPublicJWK()).build(), ATTACKER)),
                Arguments.of("signature stripped", (Forged) () ->
                        JwtForgeries.signatureStripped(tokens.accessToken())),
                Arguments.of("signature bit-flipped", (Forged) () ->
                        JwtForgeries.signatureBitFlipped(tokens.accessToken())),
                Arguments.of("signed by the pool's key, not valid before tomorrow", (Forged) () ->
                        JwtForgeries.claimsChanged(tokens.accessToken(), poolAccessKey(), b -> b
                                .notBeforeTime(Date.from(Instant.now().plus(Duration.ofDays(1)))))),
                Arguments.of("signed by the pool's key, issuer elsewhere", (Forged) () ->
                        JwtForgeries.claimsChanged(tokens.accessToken(), poolAccessKey(), b -> b
                                .issuer("https://attacker.example/" + poolId))),
                Arguments.of("signed by the pool's key, without an expiry", (Forged) () ->
                        JwtForgeries.claimsChanged(tokens.accessToken(), poolAccessKey(), b -> b
                                .expirationTime(null))));
    }

    @Test
    void resourceWhenTheForgeriesStartingPointIsSignedAgainByThePoolThen200() throws Exception {
        assertThat(call(JwtForgeries.claimsChanged(tokens.accessToken(), poolAccessKey(), b -> b)).statusCode())
                .isEqualTo(200);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forgeries")
    void resourceWhenForgedThen401(String name, Forged forged) throws Exception {
        assertThat(call(forged.token()).statusCode()).isEqualTo(401);
    }

    private static RSAKey publishedKey() throws Exception {
        return (RSAKey) JWKSet.load(Gatehouse.ENDPOINT.resolve("/" + poolId + "/.well-known/jwks.json").toURL())
                .getKeyByKeyId(SignedJWT.parse(tokens.accessToken()).getHeader().getKeyID());
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
