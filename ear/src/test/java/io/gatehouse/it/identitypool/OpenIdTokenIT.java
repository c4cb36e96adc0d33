package io.gatehouse.it.identitypool;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import io.gatehouse.it.Gatehouse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient;
import software.amazon.awssdk.services.cognitoidentity.model.CognitoIdentityProvider;
import software.amazon.awssdk.services.cognitoidentity.model.Credentials;
import software.amazon.awssdk.services.cognitoidentity.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleWithWebIdentityRequest;
import software.amazon.awssdk.services.sts.model.AssumeRoleWithWebIdentityResponse;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;
import software.amazon.awssdk.services.sts.model.StsException;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The identity-pool issuer and the basic flow, with AWS's own clients: GetOpenIdToken's token verifies, as any
 * relying party would check it, against the keys the issuer's discovery document points to, and carries Cognito's
 * claims; AWS's {@link StsClient} exchanges it at this server's STS (AssumeRoleWithWebIdentity) for credentials of
 * the pool's role, which GetCallerIdentity then names. The STS refuses what the pool does not allow, tokens that
 * are not the issuer's, and requests it cannot honour; the token is a login for its own identity only.
 */
class OpenIdTokenIT {

    private static final String AUTHENTICATED = "arn:aws:iam::123456789012:role/classic-users";
    private static final String GUEST = "arn:aws:iam::123456789012:role/classic-guests";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static CognitoIdentityProviderClient userPools;
    private static CognitoIdentityClient admin;
    private static CognitoIdentityClient anonymous;
    private static StsClient sts;
    private static String userPoolId;
    private static String clientId;
    private static String provider;
    private static String classicPoolId;
    private static String enhancedPoolId;

    @BeforeAll
    static void pools() {
        userPools = Gatehouse.adminClient();
        admin = Gatehouse.identityAdminClient();
        anonymous = Gatehouse.anonymousIdentityClient();
        sts = Gatehouse.stsClient(AnonymousCredentialsProvider.create());
        userPoolId = userPools.createUserPool(r -> r.poolName("openid-tokens")).userPool().id();
        clientId = PoolUsers.passwordClient(userPools, userPoolId, "app");
        provider = "cognito-idp.us-east-1.amazonaws.com/" + userPoolId;
        classicPoolId = identityPool("classic", true);
        enhancedPoolId = identityPool("enhanced only", false);
    }

    private static String identityPool(String name, boolean classic) {
        String id = admin.createIdentityPool(r -> r.identityPoolName(name).allowUnauthenticatedIdentities(true)
                .allowClassicFlow(classic)
                .cognitoIdentityProviders(CognitoIdentityProvider.builder().providerName(provider).clientId(clientId)
                        .build())).identityPoolId();
        admin.setIdentityPoolRoles(r -> r.identityPoolId(id)
                .roles(Map.of("authenticated", AUTHENTICATED, "unauthenticated", GUEST)));
        return id;
    }

    @AfterAll
    static void close() {
        userPools.close();
        admin.close();
        anonymous.close();
        sts.close();
    }

    /** A new user's ID token. */
    private static String idToken() {
        return PoolUsers.idToken(userPools, userPoolId, clientId);
    }

    private static String identityOf(String identityPoolId, String idToken) {
        return anonymous.getId(r -> r.identityPoolId(identityPoolId).logins(Map.of(provider, idToken)))
                .identityId();
    }

    private static String openIdToken(String identityId, String idToken) {
        return anonymous.getOpenIdToken(r -> r.identityId(identityId).logins(Map.of(provider, idToken))).token();
    }

    private static String guestToken(String identityPoolId) {
        String guest = anonymous.getId(r -> r.identityPoolId(identityPoolId)).identityId();
        return anonymous.getOpenIdToken(r -> r.identityId(guest)).token();
    }

    private static JsonNode discovery() throws Exception {
        HttpResponse<String> response = Gatehouse.HTTP.send(HttpRequest.newBuilder(
                URI.create(Gatehouse.ENDPOINT + "/cognito-identity/.well-known/openid-configuration")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /** The token checked as a relying party told to trust the issuer checks it: keys from the discovery document. */
    private static JWTClaimsSet verified(String token, String audience) throws Exception {
        JsonNode discovery = discovery();
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS512,
                JWKSourceBuilder.create(new URL(discovery.path("jwks_uri").asText())).build()));
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(audience,
                new JWTClaimsSet.Builder().issuer(discovery.path("issuer").asText()).build(),
                Set.of("sub", "exp", "iat", "amr")));
        return processor.process(token, null);
    }

    private static AssumeRoleWithWebIdentityResponse assume(String token, String roleArn) {
        return sts.assumeRoleWithWebIdentity(r -> r.webIdentityToken(token).roleArn(roleArn)
                .roleSessionName("classic-session"));
    }

    private static GetCallerIdentityResponse whoAmI(software.amazon.awssdk.services.sts.model.Credentials issued) {
        try (StsClient signed = Gatehouse.stsClient(issued.accessKeyId(), issued.secretAccessKey(),
                issued.sessionToken())) {
            return signed.getCallerIdentity();
        }
    }

    private static void refusedBySts(Consumer<AssumeRoleWithWebIdentityRequest.Builder> request, int status,
                                     String code) {
        assertThatThrownBy(() -> sts.assumeRoleWithWebIdentity(request))
                .isInstanceOfSatisfying(StsException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(status);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code);
                });
    }

    @Test
    void discoveryWhenReadThenTheIssuerAndRs512KeysAtItsJwksUri() throws Exception {
        JsonNode discovery = discovery();
        assertThat(discovery.path("issuer").asText()).isEqualTo(Gatehouse.ENDPOINT + "/cognito-identity");
        assertThat(discovery.path("jwks_uri").asText())
                .isEqualTo(Gatehouse.ENDPOINT + "/cognito-identity/.well-known/jwks_uri");
        HttpResponse<String> keys = Gatehouse.HTTP.send(HttpRequest.newBuilder(
                URI.create(discovery.path("jwks_uri").asText())).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode first = JSON.readTree(keys.body()).path("keys").path(0);
        assertThat(first.path("alg").asText()).isEqualTo("RS512");
        assertThat(first.path("kty").asText()).isEqualTo("RSA");
        assertThat(first.has("d")).as("no private part").isFalse();
        assertThat(keys.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v)
                .contains("max-age"));
    }

    @Test
    void signedInUserWhenAskedThenATokenOfTenMinutesWithCognitosClaims() throws Exception {
        String idToken = idToken();
        String identityId = identityOf(classicPoolId, idToken);
        String sub = JSON.readTree(Base64.getUrlDecoder().decode(idToken.split("\\.")[1])).path("sub").asText();

        JWTClaimsSet claims = verified(openIdToken(identityId, idToken), classicPoolId);

        assertThat(claims.getSubject()).isEqualTo(identityId);
        assertThat(claims.getAudience()).containsExactly(classicPoolId);
        assertThat(claims.getStringListClaim("amr"))
                .containsExactly("authenticated", provider, provider + ":CognitoSignIn:" + sub);
        assertThat(claims.getStringClaim("https://cognito-identity.amazonaws.com/identity-pool-arn"))
                .isEqualTo("arn:aws:cognito-identity:us-east-1:000000000000:identitypool/" + classicPoolId);
        assertThat(Duration.between(claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant()))
                .isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void guestWhenAskedThenAnUnauthenticatedToken() throws Exception {
        JWTClaimsSet claims = verified(guestToken(classicPoolId), classicPoolId);
        assertThat(claims.getStringListClaim("amr")).containsExactly("unauthenticated");
    }

    @Test
    void loginsOfAnotherUserWhenAskedForThisIdentityThenNotAuthorized() {
        String identityId = identityOf(classicPoolId, idToken());
        String stranger = idToken();
        assertThatThrownBy(() -> openIdToken(identityId, stranger)).isInstanceOf(NotAuthorizedException.class);
        assertThatThrownBy(() -> anonymous.getOpenIdToken(r -> r.identityId(identityId)))
                .as("an authenticated identity without its logins").isInstanceOf(NotAuthorizedException.class);
    }

    @Test
    void basicFlowWhenTheTokenIsExchangedAtOurStsThenThePoolsRolesWithTheSessionName() {
        String idToken = idToken();
        String identityId = identityOf(classicPoolId, idToken);

        AssumeRoleWithWebIdentityResponse assumed = assume(openIdToken(identityId, idToken), AUTHENTICATED);

        assertThat(assumed.subjectFromWebIdentityToken()).isEqualTo(identityId);
        assertThat(assumed.audience()).isEqualTo(classicPoolId);
        assertThat(assumed.provider()).endsWith("/cognito-identity");
        assertThat(assumed.assumedRoleUser().arn())
                .isEqualTo("arn:aws:sts::123456789012:assumed-role/classic-users/classic-session");
        assertThat(assumed.credentials().expiration()).isBetween(Instant.now().plusSeconds(3500),
                Instant.now().plusSeconds(3700));
        GetCallerIdentityResponse caller = whoAmI(assumed.credentials());
        assertThat(caller.arn()).isEqualTo(assumed.assumedRoleUser().arn());
        assertThat(caller.userId()).isEqualTo(assumed.assumedRoleUser().assumedRoleId());

        AssumeRoleWithWebIdentityResponse guest = sts.assumeRoleWithWebIdentity(r -> r
                .webIdentityToken(guestToken(classicPoolId)).roleArn(GUEST).roleSessionName("guest")
                .durationSeconds(900));
        assertThat(whoAmI(guest.credentials()).arn())
                .isEqualTo("arn:aws:sts::123456789012:assumed-role/classic-guests/guest");
        assertThat(guest.credentials().expiration()).isBefore(Instant.now().plusSeconds(960));
    }

    @Test
    void basicFlowWhenThePoolOrRoleDoesNotAllowItThenAccessDenied() {
        String idToken = idToken();
        String enhanced = identityOf(enhancedPoolId, idToken);
        String enhancedToken = openIdToken(enhanced, idToken);
        refusedBySts(r -> r.webIdentityToken(enhancedToken).roleArn(AUTHENTICATED).roleSessionName("s1"),
                403, "AccessDenied");

        String classic = identityOf(classicPoolId, idToken);
        String classicToken = openIdToken(classic, idToken);
        refusedBySts(r -> r.webIdentityToken(classicToken).roleArn("arn:aws:iam::123456789012:role/admins")
                .roleSessionName("s1"), 403, "AccessDenied");
        refusedBySts(r -> r.webIdentityToken(guestToken(classicPoolId)).roleArn(AUTHENTICATED)
                .roleSessionName("s1"), 403, "AccessDenied");
    }

    @Test
    void tokensNotOfTheIssuerWhenExchangedThenInvalidIdentityToken() {
        String idToken = idToken();
        String token = openIdToken(identityOf(classicPoolId, idToken), idToken);
        String[] parts = token.split("\\.");
        byte[] signature = Base64.getUrlDecoder().decode(parts[2]);
        signature[10] ^= 1;
        String forged = parts[0] + "." + parts[1] + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(signature);

        for (String bad : List.of(forged, idToken, "not.a.token")) {
            refusedBySts(r -> r.webIdentityToken(bad).roleArn(AUTHENTICATED).roleSessionName("s1"), 400,
                    "InvalidIdentityToken");
        }
    }

    @Test
    void requestsItCannotHonourWhenSentThenValidationErrors() {
        String idToken = idToken();
        String token = openIdToken(identityOf(classicPoolId, idToken), idToken);
        refusedBySts(r -> r.webIdentityToken(token).roleArn(AUTHENTICATED).roleSessionName("s1")
                .durationSeconds(899), 400, "ValidationError");
        refusedBySts(r -> r.webIdentityToken(token).roleArn(AUTHENTICATED).roleSessionName("no spaces"), 400,
                "ValidationError");
        refusedBySts(r -> r.webIdentityToken(token).roleArn(AUTHENTICATED).roleSessionName("s1")
                .policy("{\"Version\":\"2012-10-17\",\"Statement\":[]}"), 400, "ValidationError");
    }

    @Test
    void tokenAsALoginWhenForItsOwnIdentityThenCredentialsElseNotAuthorized() {
        String idToken = idToken();
        String identityId = identityOf(enhancedPoolId, idToken);
        String token = openIdToken(identityId, idToken);
        Map<String, String> asLogin = Map.of("cognito-identity.amazonaws.com", token);

        Credentials credentials = anonymous.getCredentialsForIdentity(r -> r.identityId(identityId)
                .logins(asLogin)).credentials();
        assertThat(credentials.accessKeyId()).startsWith("ASIA");

        String other = identityOf(enhancedPoolId, idToken());
        assertThatThrownBy(() -> anonymous.getCredentialsForIdentity(r -> r.identityId(other).logins(asLogin)))
                .isInstanceOf(NotAuthorizedException.class);
        String guest = anonymous.getId(r -> r.identityPoolId(enhancedPoolId)).identityId();
        String guestToken = anonymous.getOpenIdToken(r -> r.identityId(guest)).token();
        assertThatThrownBy(() -> anonymous.getCredentialsForIdentity(r -> r.identityId(guest)
                .logins(Map.of("cognito-identity.amazonaws.com", guestToken))))
                .as("a guest's token is no login").isInstanceOf(NotAuthorizedException.class);
        assertThatThrownBy(() -> anonymous.getCredentialsForIdentity(r -> r.identityId(identityOf(classicPoolId,
                idToken)).logins(asLogin))).as("a token of another pool").isInstanceOf(NotAuthorizedException.class);
    }
}
