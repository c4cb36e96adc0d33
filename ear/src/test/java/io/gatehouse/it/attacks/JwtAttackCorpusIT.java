package io.gatehouse.it.attacks;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.gatehouse.it.Gatehouse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The JWT attack corpus: forged, altered and outlived access tokens at every endpoint that takes one (GetUser,
 * UpdateUserAttributes, GlobalSignOut, {@code /oauth2/userInfo}), and forged or outlived refresh tokens at every
 * endpoint that redeems one (the token endpoint's refresh grant, InitiateAuth's REFRESH_TOKEN_AUTH,
 * GetTokensFromRefreshToken). Each is refused in the protocol's own form: NotAuthorizedException for the Cognito API,
 * RFC 6750's 401 with {@code error="invalid_token"} for userInfo, {@code invalid_grant} for the token endpoint. The
 * tokens each forgery starts from are accepted at the same endpoints (the controls), so each refusal is the
 * forgery's doing.
 *
 * <p>Forgeries whose claims, not signature, are wrong are signed with the pool's own private key, read from the
 * test server's database with its data key: each claim check is tried on its own.
 */
class JwtAttackCorpusIT {

    private static CognitoIdentityProviderClient cognito;
    private static String poolId;
    private static String clientId;
    private static String otherPoolClientId;
    private static CodeFlow.Tokens alice;
    private static String bobSub;
    private static CodeFlow.Tokens otherPool;
    private static RSAKey poolKey;
    private static RSAKey attackerKey;
    private static Map<String, String> outlived;
    private static Map<String, String> outlivedRefresh;

    @BeforeAll
    static void pools() throws Exception {
        cognito = Gatehouse.adminClient();
        poolId = cognito.createUserPool(r -> r.poolName("jwt-corpus")).userPool().id();
        clientId = CodeFlow.publicClient(cognito, poolId, "app");
        for (String name : List.of("alice", "bob", "carol", "deleted", "disabled", "signed-out", "revoked", "of-client",
                "of-pool")) {
            CodeFlow.user(cognito, poolId, name);
        }
        alice = CodeFlow.signIn(clientId, "alice");
        bobSub = cognito.adminGetUser(r -> r.userPoolId(poolId).username("bob")).userAttributes().stream()
                .filter(a -> a.name().equals("sub")).findFirst().orElseThrow().value();

        String otherPoolId = cognito.createUserPool(r -> r.poolName("jwt-corpus-other")).userPool().id();
        otherPoolClientId = CodeFlow.publicClient(cognito, otherPoolId, "app");
        CodeFlow.user(cognito, otherPoolId, "alice");
        otherPool = CodeFlow.signIn(otherPoolClientId, "alice");

        poolKey = PoolSigningKey.of(SignedJWT.parse(alice.accessToken()).getHeader().getKeyID());
        attackerKey = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
        outlived = outlivedTokens();
    }

    @AfterAll
    static void close() {
        cognito.close();
    }

    /** Tokens genuinely issued whose sign-in, user, client or pool has since ended: name to access token. */
    private static Map<String, String> outlivedTokens() throws Exception {
        CodeFlow.Tokens deleted = CodeFlow.signIn(clientId, "deleted");
        cognito.adminDeleteUser(r -> r.userPoolId(poolId).username("deleted"));

        CodeFlow.Tokens disabled = CodeFlow.signIn(clientId, "disabled");
        cognito.adminDisableUser(r -> r.userPoolId(poolId).username("disabled"));

        CodeFlow.Tokens signedOut = CodeFlow.signIn(clientId, "signed-out");
        cognito.globalSignOut(r -> r.accessToken(signedOut.accessToken()));

        CodeFlow.Tokens revoked = CodeFlow.signIn(clientId, "revoked");
        cognito.revokeToken(r -> r.clientId(clientId).token(revoked.refreshToken()));

        String doomedClient = CodeFlow.publicClient(cognito, poolId, "doomed");
        CodeFlow.Tokens ofDeletedClient = CodeFlow.signIn(doomedClient, "of-client");
        cognito.deleteUserPoolClient(r -> r.userPoolId(poolId).clientId(doomedClient));

        String doomedPool = cognito.createUserPool(r -> r.poolName("jwt-corpus-doomed")).userPool().id();
        String doomedPoolClient = CodeFlow.publicClient(cognito, doomedPool, "app");
        CodeFlow.user(cognito, doomedPool, "of-pool");
        CodeFlow.Tokens ofDeletedPool = CodeFlow.signIn(doomedPoolClient, "of-pool");
        cognito.deleteUserPool(r -> r.userPoolId(doomedPool));

        outlivedRefresh = Map.of(
                "the refresh token of a deleted user", deleted.refreshToken(),
                "the refresh token of a disabled user", disabled.refreshToken(),
                "the refresh token of a globally signed-out user", signedOut.refreshToken(),
                "a revoked refresh token", revoked.refreshToken());
        return Map.of(
                "an access token of a deleted user", deleted.accessToken(),
                "an access token of a disabled user", disabled.accessToken(),
                "an access token of a globally signed-out user", signedOut.accessToken(),
                "an access token of a revoked refresh token's sign-in", revoked.accessToken(),
                "an access token of a deleted app client", ofDeletedClient.accessToken(),
                "an access token of a deleted pool", ofDeletedPool.accessToken());
    }

    // ---- the endpoints that take an access token ----

    /** An endpoint that takes an access token: accepts it, or refuses it in its protocol's form. */
    private interface BearerEndpoint {

        void accepts(String accessToken) throws Exception;

        void refuses(String accessToken) throws Exception;
    }

    private record CognitoCall(String name, java.util.function.Consumer<String> call) implements BearerEndpoint {

        @Override
        public void accepts(String accessToken) {
            call.accept(accessToken);
        }

        @Override
        public void refuses(String accessToken) {
            assertThatThrownBy(() -> call.accept(accessToken)).isInstanceOf(NotAuthorizedException.class);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private record UserInfo() implements BearerEndpoint {

        @Override
        public void accepts(String accessToken) throws Exception {
            HttpResponse<String> answer = call(accessToken);
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            assertThat(answer.body()).contains("\"sub\"");
        }

        @Override
        public void refuses(String accessToken) throws Exception {
            HttpResponse<String> answer = call(accessToken);
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(401);
            assertThat(answer.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(challenge ->
                    assertThat(challenge).startsWith("Bearer ").contains("error=\"invalid_token\""));
            assertThat(answer.body()).doesNotContain("\"sub\"", "Exception");
        }

        private static HttpResponse<String> call(String accessToken) throws Exception {
            return Gatehouse.HTTP.send(HttpRequest.newBuilder(Gatehouse.ENDPOINT.resolve("/oauth2/userInfo"))
                    .header("Authorization", "Bearer " + accessToken).build(), HttpResponse.BodyHandlers.ofString());
        }

        @Override
        public String toString() {
            return "/oauth2/userInfo";
        }
    }

    static Stream<BearerEndpoint> bearerEndpoints() {
        return Stream.of(
                new CognitoCall("GetUser", token -> cognito.getUser(r -> r.accessToken(token))),
                new CognitoCall("UpdateUserAttributes", token -> cognito.updateUserAttributes(r -> r
                        .accessToken(token).userAttributes(AttributeType.builder().name("name").value("Al").build()))),
                new CognitoCall("GlobalSignOut", token -> cognito.globalSignOut(r -> r.accessToken(token))),
                new UserInfo());
    }

    // ---- the access-token forgeries ----

    /** A forged access token, made from the genuine tokens the suite holds. */
    private record Forgery(String name, ForgedToken token) {
        @Override
        public String toString() {
            return name;
        }
    }

    @FunctionalInterface
    private interface ForgedToken {
        String make(CodeFlow.Tokens genuine) throws Exception;
    }

    static Stream<Forgery> forgeries() throws Exception {
        RSAKey published = (RSAKey) JWKSet.load(Gatehouse.ENDPOINT.resolve("/" + poolId + "/.well-known/jwks.json")
                .toURL()).getKeyByKeyId(poolKid());
        SignedTokenForgeries.Keys keys = new SignedTokenForgeries.Keys(poolKey, published, attackerKey,
                otherPool.accessToken(), Gatehouse.ENDPOINT + "/" + poolId);
        Stream<Forgery> common = SignedTokenForgeries.common(keys).stream()
                .map(f -> new Forgery(f.name(), t -> f.forge().make(t.accessToken())));
        return Stream.concat(common, Stream.of(
                new Forgery("payload changed to another user's sub, signature kept", t -> payloadChanged(t,
                        b -> b.subject(bobSub))),
                new Forgery("an ID token", t -> t.idToken()),
                new Forgery("an ID token re-signed by the pool as token_use access", t -> poolSigned(
                        new JWTClaimsSet.Builder(SignedJWT.parse(t.idToken()).getJWTClaimsSet())
                                .claim("token_use", "access").build())),
                new Forgery("signed by the pool's key, client_id of another pool's client", t -> claimsChanged(t, b -> b
                        .claim("client_id", otherPoolClientId))),
                new Forgery("signed by the pool's key, client_id unknown", t -> claimsChanged(t, b -> b
                        .claim("client_id", "nosuchclient0000000000000"))),
                new Forgery("signed by the pool's key, token_use id", t -> claimsChanged(t, b -> b
                        .claim("token_use", "id")))));
    }

    static Stream<Arguments> forgeriesAtEachEndpoint() throws Exception {
        return forgeries().flatMap(f -> bearerEndpoints().map(e -> Arguments.of(f, e)));
    }

    static Stream<Arguments> outlivedAtEachEndpoint() {
        return Stream.of("an access token of a deleted user", "an access token of a disabled user",
                        "an access token of a globally signed-out user",
                        "an access token of a revoked refresh token's sign-in",
                        "an access token of a deleted app client", "an access token of a deleted pool")
                .flatMap(name -> bearerEndpoints().map(e -> Arguments.of(name, e)));
    }

    /**
     * The genuine tokens a forgery at {@code endpoint} starts from: alice's, except at GlobalSignOut, which would end
     * alice's sign-in if it took a forgery, and with it the other cases' starting point: a sign-in of its own there.
     */
    private static CodeFlow.Tokens genuineFor(BearerEndpoint endpoint) throws Exception {
        return endpoint.toString().equals("GlobalSignOut") ? CodeFlow.signIn(clientId, "carol") : alice;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bearerEndpoints")
    void genuineAccessTokenThenAccepted(BearerEndpoint endpoint) throws Exception {
        endpoint.accepts(genuineFor(endpoint).accessToken());
        // Re-signed by the pool's key unchanged, it is still accepted: what the claim forgeries change is all
        // that is wrong with them.
        endpoint.accepts(poolSigned(SignedJWT.parse(genuineFor(endpoint).accessToken()).getJWTClaimsSet()));
    }

    @ParameterizedTest(name = "{0} at {1}")
    @MethodSource("forgeriesAtEachEndpoint")
    void forgedAccessTokenThenRefused(Forgery forgery, BearerEndpoint endpoint) throws Exception {
        endpoint.refuses(forgery.token().make(genuineFor(endpoint)));
    }

    @ParameterizedTest(name = "{0} at {1}")
    @MethodSource("outlivedAtEachEndpoint")
    void outlivedAccessTokenThenRefused(String name, BearerEndpoint endpoint) throws Exception {
        endpoint.refuses(outlived.get(name));
    }

    // ---- refresh tokens ----

    /** An endpoint that redeems a refresh token of {@link #clientId}. */
    private record RefreshEndpoint(String name, Function<String, Boolean> redeems) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<RefreshEndpoint> refreshEndpoints() {
        return Stream.of(
                new RefreshEndpoint("the token endpoint's refresh grant", token -> {
                    try {
                        HttpResponse<String> answer = CodeFlow.token(Map.of("grant_type", "refresh_token",
                                "client_id", clientId, "refresh_token", token));
                        if (answer.statusCode() == 200) {
                            return true;
                        }
                        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
                        assertThat(CodeFlow.error(answer)).isEqualTo("invalid_grant");
                        return false;
                    } catch (Exception e) {
                        throw new AssertionError(e);
                    }
                }),
                new RefreshEndpoint("InitiateAuth REFRESH_TOKEN_AUTH", token -> cognitoRedeems(() ->
                        cognito.initiateAuth(r -> r.clientId(clientId).authFlow(AuthFlowType.REFRESH_TOKEN_AUTH)
                                .authParameters(Map.of("REFRESH_TOKEN", token))))),
                new RefreshEndpoint("GetTokensFromRefreshToken", token -> cognitoRedeems(() ->
                        cognito.getTokensFromRefreshToken(r -> r.clientId(clientId).refreshToken(token)))));
    }

    private static boolean cognitoRedeems(Runnable call) {
        try {
            call.run();
            return true;
        } catch (NotAuthorizedException e) {
            return false;
        }
    }

    static Stream<Arguments> refreshForgeriesAtEachEndpoint() {
        return Stream.of(
                        "a refresh token bit-flipped", "a refresh token truncated", "an access token",
                        "an ID token", "a refresh token of another client of the pool",
                        "a refresh token of another pool", "the refresh token of a deleted user",
                        "the refresh token of a disabled user", "the refresh token of a globally signed-out user",
                        "a revoked refresh token")
                .flatMap(name -> refreshEndpoints().map(e -> Arguments.of(name, e)));
    }

    private static String refreshForgery(String name) throws Exception {
        String genuine = alice.refreshToken();
        return switch (name) {
            case "a refresh token bit-flipped" -> genuine.substring(0, genuine.length() / 2)
                    + (genuine.charAt(genuine.length() / 2) == 'A' ? 'B' : 'A')
                    + genuine.substring(genuine.length() / 2 + 1);
            case "a refresh token truncated" -> genuine.substring(0, genuine.length() - 4);
            case "an access token" -> alice.accessToken();
            case "an ID token" -> alice.idToken();
            case "a refresh token of another client of the pool" -> CodeFlow.signIn(
                    CodeFlow.publicClient(cognito, poolId, "sibling"), "alice").refreshToken();
            case "a refresh token of another pool" -> otherPool.refreshToken();
            default -> outlivedRefresh.get(name);
        };
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refreshEndpoints")
    void genuineRefreshTokenThenRedeemed(RefreshEndpoint endpoint) {
        assertThat(endpoint.redeems().apply(alice.refreshToken())).isTrue();
    }

    @ParameterizedTest(name = "{0} at {1}")
    @MethodSource("refreshForgeriesAtEachEndpoint")
    void forgedOrOutlivedRefreshTokenThenRefused(String name, RefreshEndpoint endpoint) throws Exception {
        String token = refreshForgery(name);
        assertThat(token).as("the corpus has " + name).isNotNull();
        assertThat(endpoint.redeems().apply(token)).isFalse();
    }

    // ---- how the forgeries are made ----

    private static String poolKid() throws Exception {
        return SignedJWT.parse(alice.accessToken()).getHeader().getKeyID();
    }

    private static String payloadChanged(CodeFlow.Tokens t, UnaryOperator<JWTClaimsSet.Builder> change)
            throws Exception {
        return JwtForgeries.payloadChanged(t.accessToken(), change);
    }

    private static String claimsChanged(CodeFlow.Tokens t, UnaryOperator<JWTClaimsSet.Builder> change)
            throws Exception {
        return JwtForgeries.claimsChanged(t.accessToken(), poolKey, change);
    }

    /** Signed with the pool's own key, as the server signs: what makes only the claims wrong. */
    private static String poolSigned(JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(poolKey.getKeyID()).build(),
                claims);
        jwt.sign(new RSASSASigner(poolKey));
        return jwt.serialize();
    }
}
