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
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient;
import software.amazon.awssdk.services.cognitoidentity.model.CognitoIdentityProvider;
import software.amazon.awssdk.services.cognitoidentity.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.StsException;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The attack corpus of the identity-pool issuer's OpenID tokens, at each verifier that takes one: this server's STS
 * (AssumeRoleWithWebIdentity) and the identity-pool calls that take it as a login (GetId, GetCredentialsForIdentity
 * under {@code cognito-identity.amazonaws.com}). Every forgery of {@link SignedTokenForgeries#signed} for RS512, and
 * the token's own claims wrong under the issuer's key (audience, amr), is refused: STS with one of its errors, the
 * identity pool with NotAuthorized. The genuine token, and the genuine claims signed again, pass everywhere, so each
 * refusal is the forgery's doing.
 */
class OpenIdTokenAttackCorpusIT {

    private static final String ROLE = "arn:aws:iam::123456789012:role/corpus-users";
    private static final String LOGIN = "cognito-identity.amazonaws.com";

    private static CognitoIdentityProviderClient cognito;
    private static CognitoIdentityClient identities;
    private static CognitoIdentityClient anonymous;
    private static StsClient sts;
    private static String identityPoolId;
    private static String otherIdentityPoolId;
    private static String aliceIdentity;
    private static String aliceToken;
    private static CodeFlow.Tokens alice;
    private static RSAKey issuerKey;
    private static RSAKey attackerKey;

    @BeforeAll
    static void pools() throws Exception {
        cognito = Gatehouse.adminClient();
        identities = Gatehouse.identityAdminClient();
        anonymous = CognitoIdentityClient.builder().endpointOverride(Gatehouse.ENDPOINT).region(Gatehouse.REGION)
                .credentialsProvider(AnonymousCredentialsProvider.create())
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.retryStrategy(r -> r.maxAttempts(1))).build();
        sts = StsClient.builder().endpointOverride(Gatehouse.ENDPOINT).region(Gatehouse.REGION)
                .credentialsProvider(AnonymousCredentialsProvider.create())
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.retryStrategy(r -> r.maxAttempts(1))).build();
        String poolId = cognito.createUserPool(r -> r.poolName("openid-corpus")).userPool().id();
        String clientId = CodeFlow.publicClient(cognito, poolId, "app");
        CodeFlow.user(cognito, poolId, "alice");
        String provider = "cognito-idp.us-east-1.amazonaws.com/" + poolId;
        identityPoolId = identityPool("openid corpus", provider, clientId);
        otherIdentityPoolId = identityPool("openid corpus, other", provider, clientId);
        alice = CodeFlow.signIn(clientId, "alice");
        aliceIdentity = anonymous.getId(r -> r.identityPoolId(identityPoolId)
                .logins(Map.of(provider, alice.idToken()))).identityId();
        aliceToken = anonymous.getOpenIdToken(r -> r.identityId(aliceIdentity)
                .logins(Map.of(provider, alice.idToken()))).token();
        issuerKey = PoolSigningKey.of(SignedJWT.parse(aliceToken).getHeader().getKeyID());
        attackerKey = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
    }

    private static String identityPool(String name, String provider, String clientId) {
        String id = identities.createIdentityPool(r -> r.identityPoolName(name).allowUnauthenticatedIdentities(true)
                .allowClassicFlow(true)
                .cognitoIdentityProviders(CognitoIdentityProvider.builder().providerName(provider).clientId(clientId)
                        .build())).identityPoolId();
        identities.setIdentityPoolRoles(r -> r.identityPoolId(id).roles(Map.of("authenticated", ROLE,
                "unauthenticated", "arn:aws:iam::123456789012:role/corpus-guests")));
        return id;
    }

    @AfterAll
    static void close() {
        cognito.close();
        identities.close();
        anonymous.close();
        sts.close();
    }

    /** Where the token is taken, and the error it answers a refusal with. */
    private record Target(String name, UnaryOperator<String> call, Class<? extends AwsServiceException> refusal) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Target> targets() {
        return Stream.of(
                new Target("AssumeRoleWithWebIdentity", token -> sts.assumeRoleWithWebIdentity(r -> r
                        .webIdentityToken(token).roleArn(ROLE).roleSessionName("corpus")).assumedRoleUser().arn(),
                        StsException.class),
                new Target("GetId", token -> anonymous.getId(r -> r.identityPoolId(identityPoolId)
                        .logins(Map.of(LOGIN, token))).identityId(), NotAuthorizedException.class),
                new Target("GetCredentialsForIdentity", token -> anonymous.getCredentialsForIdentity(r -> r
                        .identityId(aliceIdentity).logins(Map.of(LOGIN, token))).credentials().accessKeyId(),
                        NotAuthorizedException.class));
    }

    static Stream<SignedTokenForgeries.Forgery> forgeries() throws Exception {
        RSAKey published = (RSAKey) JWKSet.load(Gatehouse.ENDPOINT.resolve("/cognito-identity/.well-known/jwks_uri")
                .toURL()).getKeyByKeyId(issuerKey.getKeyID());
        SignedTokenForgeries.Keys keys = new SignedTokenForgeries.Keys(issuerKey, published, attackerKey,
                alice.idToken(), Gatehouse.ENDPOINT + "/cognito-identity");
        return Stream.concat(SignedTokenForgeries.signed(keys, JWSAlgorithm.RS512).stream(), Stream.of(
                forgery("signed by the attacker's key under its own kid", t -> JwtForgeries.signedBy(t,
                        new JWSHeader.Builder(JWSAlgorithm.RS512).keyID(attackerKey.getKeyID())
                                .type(JOSEObjectType.JWT).build(), attackerKey)),
                forgery("signed by the issuer's key with RS256", t -> JwtForgeries.signedBy(t,
                        new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(issuerKey.getKeyID())
                                .type(JOSEObjectType.JWT).build(), issuerKey)),
                forgery("payload changed to another identity, signature kept", t -> JwtForgeries.payloadChanged(t,
                        b -> b.subject("us-east-1:" + UUID.randomUUID()))),
                forgery("a user pool's ID token", t -> alice.idToken()),
                forgery("not a JWT", t -> "not-a-jwt"),
                forgery("signed by the issuer's key, without an issue time", t -> resigned(t, b -> b.issueTime(null))),
                forgery("signed by the issuer's key, audience another identity pool", t -> resigned(t, b -> b
                        .audience(otherIdentityPoolId))),
                forgery("signed by the issuer's key, audience no identity pool", t -> resigned(t, b -> b
                        .audience("us-east-1:" + UUID.randomUUID()))),
                forgery("signed by the issuer's key, two audiences", t -> resigned(t, b -> b
                        .audience(List.of(identityPoolId, otherIdentityPoolId)))),
                forgery("signed by the issuer's key, without an audience", t -> resigned(t, b -> b
                        .audience((String) null))),
                forgery("signed by the issuer's key, without a subject", t -> resigned(t, b -> b.subject(null))),
                forgery("signed by the issuer's key, amr unauthenticated", t -> resigned(t, b -> b
                        .claim("amr", List.of("unauthenticated")))),
                forgery("signed by the issuer's key, without amr", t -> resigned(t, b -> b.claim("amr", null))),
                forgery("signed by the issuer's key, amr not a list", t -> resigned(t, b -> b
                        .claim("amr", "authenticated")))));
    }

    private static String resigned(String token, UnaryOperator<JWTClaimsSet.Builder> change) throws Exception {
        return JwtForgeries.claimsChanged(token, issuerKey, change);
    }

    private static SignedTokenForgeries.Forgery forgery(String name, SignedTokenForgeries.Forge forge) {
        return new SignedTokenForgeries.Forgery(name, forge);
    }

    static Stream<Arguments> forgeriesAtEachTarget() throws Exception {
        return forgeries().flatMap(f -> targets().map(t -> Arguments.of(f, t)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("targets")
    void genuineTokenThenAccepted(Target target) throws Exception {
        assertThat(target.call().apply(aliceToken)).isNotBlank();
        assertThat(target.call().apply(resigned(aliceToken, UnaryOperator.identity()))).isNotBlank();
    }

    @ParameterizedTest(name = "{0} at {1}")
    @MethodSource("forgeriesAtEachTarget")
    void forgedTokenThenRefused(SignedTokenForgeries.Forgery forgery, Target target) throws Exception {
        String forged = forgery.forge().make(aliceToken);
        assertThatThrownBy(() -> target.call().apply(forged)).isInstanceOfSatisfying(target.refusal(),
                e -> assertThat(e.statusCode()).isBetween(400, 403));
    }
}
