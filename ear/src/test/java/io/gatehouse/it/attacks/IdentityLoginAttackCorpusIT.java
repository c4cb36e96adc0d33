package io.gatehouse.it.attacks;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
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
import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient;
import software.amazon.awssdk.services.cognitoidentity.model.CognitoIdentityProvider;
import software.amazon.awssdk.services.cognitoidentity.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The attack corpus of the identity pools' login check: user-pool ID tokens forged every way the JWT corpus knows
 * (algorithm confusion, foreign keys, stripped or flipped signatures, changed claims under the genuine signature,
 * claims wrong under the pool's own key), and genuine tokens that have outlived their sign-in, user, client or pool,
 * each sent as a login to GetId and to GetCredentialsForIdentity and refused with {@code NotAuthorizedException}; the
 * genuine token, and the same claims signed again by the pool's key, are accepted, so what each forgery changes is all
 * that is wrong with it. The identity pool asks for ServerSideTokenCheck, as the outlived cases need.
 */
class IdentityLoginAttackCorpusIT {

    private static CognitoIdentityProviderClient cognito;
    private static CognitoIdentityClient identities;
    private static CognitoIdentityClient anonymous;
    private static String poolId;
    private static String provider;
    private static String identityPoolId;
    private static String aliceIdentity;
    private static CodeFlow.Tokens alice;
    private static CodeFlow.Tokens otherPool;
    private static String otherPoolIssuer;
    private static String otherClientId;
    private static RSAKey idKey;
    private static RSAKey attackerKey;
    private static Map<String, String> outlived;

    @BeforeAll
    static void pools() throws Exception {
        cognito = Gatehouse.adminClient();
        identities = Gatehouse.identityAdminClient();
        anonymous = Gatehouse.anonymousIdentityClient();
        poolId = cognito.createUserPool(r -> r.poolName("login-corpus")).userPool().id();
        String clientId = CodeFlow.publicClient(cognito, poolId, "app");
        otherClientId = CodeFlow.publicClient(cognito, poolId, "not-in-the-identity-pool");
        for (String name : List.of("alice", "deleted", "disabled", "signed-out", "revoked")) {
            CodeFlow.user(cognito, poolId, name);
        }
        provider = "cognito-idp.us-east-1.amazonaws.com/" + poolId;
        identityPoolId = identities.createIdentityPool(r -> r.identityPoolName("login corpus")
                .allowUnauthenticatedIdentities(false)
                .cognitoIdentityProviders(CognitoIdentityProvider.builder().providerName(provider).clientId(clientId)
                        .serverSideTokenCheck(true).build())).identityPoolId();
        identities.setIdentityPoolRoles(r -> r.identityPoolId(identityPoolId)
                .roles(Map.of("authenticated", "arn:aws:iam::123456789012:role/corpus")));
        alice = CodeFlow.signIn(clientId, "alice");
        aliceIdentity = getId(alice.idToken());

        String otherPoolId = cognito.createUserPool(r -> r.poolName("login-corpus-other")).userPool().id();
        String otherPoolClient = CodeFlow.publicClient(cognito, otherPoolId, "app");
        CodeFlow.user(cognito, otherPoolId, "alice");
        otherPool = CodeFlow.signIn(otherPoolClient, "alice");
        otherPoolIssuer = SignedJWT.parse(otherPool.idToken()).getJWTClaimsSet().getIssuer();

        idKey = PoolSigningKey.of(kid());
        attackerKey = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
        outlived = outlived(clientId);
    }

    @AfterAll
    static void close() {
        cognito.close();
        identities.close();
        anonymous.close();
    }

    private static String getId(String idToken) {
        return anonymous.getId(r -> r.identityPoolId(identityPoolId).logins(Map.of(provider, idToken))).identityId();
    }

    /** ID tokens genuinely issued whose sign-in or user has since ended: name to token. */
    private static Map<String, String> outlived(String clientId) throws Exception {
        CodeFlow.Tokens deleted = CodeFlow.signIn(clientId, "deleted");
        cognito.adminDeleteUser(r -> r.userPoolId(poolId).username("deleted"));
        CodeFlow.Tokens disabled = CodeFlow.signIn(clientId, "disabled");
        cognito.adminDisableUser(r -> r.userPoolId(poolId).username("disabled"));
        CodeFlow.Tokens signedOut = CodeFlow.signIn(clientId, "signed-out");
        cognito.globalSignOut(r -> r.accessToken(signedOut.accessToken()));
        CodeFlow.Tokens revoked = CodeFlow.signIn(clientId, "revoked");
        cognito.revokeToken(r -> r.clientId(clientId).token(revoked.refreshToken()));
        return Map.of(
                "an ID token of a deleted user", deleted.idToken(),
                "an ID token of a disabled user", disabled.idToken(),
                "an ID token of a globally signed-out user", signedOut.idToken(),
                "an ID token of a revoked refresh token's sign-in", revoked.idToken(),
                "an ID token of another app client of the pool", CodeFlow.signIn(otherClientId, "alice").idToken(),
                "an ID token of another user pool", otherPool.idToken());
    }

    /** Where a login is taken. */
    private record Target(String name, UnaryOperator<String> call) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Target> targets() {
        return Stream.of(
                new Target("GetId", IdentityLoginAttackCorpusIT::getId),
                new Target("GetCredentialsForIdentity", token -> anonymous.getCredentialsForIdentity(r -> r
                        .identityId(aliceIdentity).logins(Map.of(provider, token))).credentials().accessKeyId()));
    }

    static Stream<SignedTokenForgeries.Forgery> forgeries() throws Exception {
        RSAKey published = (RSAKey) JWKSet.load(Gatehouse.ENDPOINT.resolve("/" + poolId + "/.well-known/jwks.json")
                .toURL()).getKeyByKeyId(kid());
        SignedTokenForgeries.Keys keys = new SignedTokenForgeries.Keys(idKey, published, attackerKey,
                otherPool.idToken(), Gatehouse.ENDPOINT + "/" + poolId);
        return Stream.concat(SignedTokenForgeries.common(keys).stream(), Stream.of(
                forgery("signed by the attacker's key under its own kid", t -> JwtForgeries.signedBy(t,
                        new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(attackerKey.getKeyID())
                                .type(JOSEObjectType.JWT).build(), attackerKey)),
                forgery("payload changed to another sub, signature kept", t -> JwtForgeries.payloadChanged(t,
                        b -> b.subject(UUID.randomUUID().toString()))),
                forgery("an access token", t -> alice.accessToken()),
                forgery("not a JWT", t -> "not-a-jwt"),
                forgery("signed by the pool's key, without an issue time", t -> claimsChanged(t, b -> b
                        .issueTime(null))),
                forgery("signed by the pool's key, audience another client", t -> claimsChanged(t, b -> b
                        .audience(otherClientId))),
                forgery("signed by the pool's key, audience unknown", t -> claimsChanged(t, b -> b
                        .audience("nosuchclient0000000000000"))),
                forgery("signed by the pool's key, without an audience", t -> claimsChanged(t, b -> b
                        .audience((String) null))),
                forgery("signed by the pool's key, token_use access", t -> claimsChanged(t, b -> b
                        .claim("token_use", "access")))));
    }

    private static SignedTokenForgeries.Forgery forgery(String name, SignedTokenForgeries.Forge forge) {
        return new SignedTokenForgeries.Forgery(name, forge);
    }

    static Stream<Arguments> forgeriesAtEachTarget() throws Exception {
        return forgeries().flatMap(f -> targets().map(t -> Arguments.of(f, t)));
    }

    static Stream<Arguments> outlivedAtEachTarget() {
        return Stream.of("an ID token of a deleted user", "an ID token of a disabled user",
                        "an ID token of a globally signed-out user",
                        "an ID token of a revoked refresh token's sign-in",
                        "an ID token of another app client of the pool", "an ID token of another user pool")
                .flatMap(name -> targets().map(t -> Arguments.of(name, t)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("targets")
    void genuineIdTokenThenAccepted(Target target) throws Exception {
        assertThat(target.call().apply(alice.idToken())).isNotBlank();
        assertThat(target.call().apply(claimsChanged(alice.idToken(), UnaryOperator.identity()))).isNotBlank();
    }

    @ParameterizedTest(name = "{0} at {1}")
    @MethodSource("forgeriesAtEachTarget")
    void forgedIdTokenThenRefused(SignedTokenForgeries.Forgery forgery, Target target) throws Exception {
        String forged = forgery.forge().make(alice.idToken());
        assertThatThrownBy(() -> target.call().apply(forged)).isInstanceOf(NotAuthorizedException.class)
                .hasMessageContaining("Invalid login token");
    }

    @ParameterizedTest(name = "{0} at {1}")
    @MethodSource("outlivedAtEachTarget")
    void outlivedIdTokenThenRefused(String name, Target target) {
        assertThatThrownBy(() -> target.call().apply(outlived.get(name))).isInstanceOf(NotAuthorizedException.class)
                .hasMessageContaining("Invalid login token");
    }

    private static String kid() throws Exception {
        return SignedJWT.parse(alice.idToken()).getHeader().getKeyID();
    }

    private static String claimsChanged(String token, UnaryOperator<JWTClaimsSet.Builder> change) throws Exception {
        return JwtForgeries.claimsChanged(token, idKey, change);
    }
}
