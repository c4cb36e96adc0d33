package io.gatehouse.it.cognito;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import io.gatehouse.it.Gatehouse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.FeatureType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeDataType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.GetUserResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.SchemaAttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotConfirmedException;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Password sign-in and GetUser, with the tokens checked against the pool's published keys. */
class SignInIT {

    private static final String PASSWORD = "Correct-Horse-9";

    private static CognitoIdentityProviderClient cognito;
    private static String poolId;
    private static String clientId;

    @BeforeAll
    static void pool() {
        cognito = Gatehouse.adminClient();
        poolId = cognito.createUserPool(r -> r.poolName("sign-in").schema(SchemaAttributeType.builder().name("tier")
                .attributeDataType(AttributeDataType.STRING).build())).userPool().id();
        clientId = Clients.passwordClient(cognito, poolId);
    }

    @AfterAll
    static void close() {
        cognito.close();
    }

    @Test
    void initiateAuthWhenPasswordRightThenTokensSignedByThePoolWithCognitoClaims() throws Exception {
        String username = confirmedUser(Map.of("email", "ivy@example.com", "custom:tier", "gold"));

        AuthenticationResultType result = signIn(username, PASSWORD);

        assertThat(result.tokenType()).isEqualTo("Bearer");
        assertThat(result.expiresIn()).isEqualTo(3600);
        assertThat(result.refreshToken()).hasSizeGreaterThan(40);
        JWKSet keys = JWKSet.parse(Gatehouse.HTTP.send(HttpRequest.newBuilder(Gatehouse.ENDPOINT.resolve(
                "/" + poolId + "/.well-known/jwks.json")).build(), HttpResponse.BodyHandlers.ofString()).body());
        SignedJWT id = verified(result.idToken(), keys);
        SignedJWT access = verified(result.accessToken(), keys);
        assertThat(id.getHeader().getKeyID()).isNotEqualTo(access.getHeader().getKeyID());

        String issuer = Gatehouse.ENDPOINT + "/" + poolId;
        var idClaims = id.getJWTClaimsSet();
        assertThat(idClaims.getIssuer()).isEqualTo(issuer);
        assertThat(idClaims.getAudience()).containsExactly(clientId);
        assertThat(idClaims.getStringClaim("token_use")).isEqualTo("id");
        assertThat(idClaims.getStringClaim("cognito:username")).isEqualTo(username);
        assertThat(idClaims.getStringClaim("email")).isEqualTo("ivy@example.com");
        assertThat(idClaims.getStringClaim("custom:tier")).isEqualTo("gold");
        var accessClaims = access.getJWTClaimsSet();
        assertThat(accessClaims.getStringClaim("token_use")).isEqualTo("access");
        assertThat(accessClaims.getStringClaim("client_id")).isEqualTo(clientId);
        assertThat(accessClaims.getStringClaim("username")).isEqualTo(username);
        assertThat(accessClaims.getStringClaim("scope")).isEqualTo("aws.cognito.signin.user.admin");
        assertThat(accessClaims.getSubject()).isEqualTo(idClaims.getSubject());
        assertThat(accessClaims.getStringClaim("origin_jti")).isEqualTo(idClaims.getStringClaim("origin_jti"));
        assertThat(accessClaims.getJWTID()).isNotEqualTo(idClaims.getJWTID());
        assertThat(accessClaims.getExpirationTime().getTime() - accessClaims.getIssueTime().getTime())
                .isEqualTo(3600_000L);
    }

    @Test
    void initiateAuthWhenPasswordWrongOrUserUnknownThenSameNotAuthorized() {
        String username = confirmedUser(Map.of());

        assertThatThrownBy(() -> signIn(username, "Wrong-Horse-9"))
                .isInstanceOf(NotAuthorizedException.class).hasMessageContaining("Incorrect username or password.");
        assertThatThrownBy(() -> signIn("nobody-" + UUID.randomUUID(), PASSWORD))
                .isInstanceOf(NotAuthorizedException.class).hasMessageContaining("Incorrect username or password.");
    }

    @Test
    void initiateAuthWhenUnconfirmedThenUserNotConfirmed() {
        String username = "unconfirmed-" + UUID.randomUUID();
        cognito.signUp(r -> r.clientId(clientId).username(username).password(PASSWORD));

        assertThatThrownBy(() -> signIn(username, PASSWORD)).isInstanceOf(UserNotConfirmedException.class);
    }

    @Test
    void initiateAuthWhenFlowNotAllowedForClientThenInvalidParameter() {
        String other = cognito.createUserPoolClient(r -> r.userPoolId(poolId).clientName("srp-only"))
                .userPoolClient().clientId();
        String username = confirmedUser(Map.of());

        assertThatThrownBy(() -> cognito.initiateAuth(r -> r.clientId(other).authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", username, "PASSWORD", PASSWORD))))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("flow not enabled for this client");
    }

    @Test
    void adminInitiateAuthWhenAdminPasswordFlowThenTokens() {
        String username = confirmedUser(Map.of());

        AuthenticationResultType result = cognito.adminInitiateAuth(r -> r.userPoolId(poolId).clientId(clientId)
                .authFlow(AuthFlowType.ADMIN_USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", username, "PASSWORD", PASSWORD))).authenticationResult();

        assertThat(result.accessToken()).isNotBlank();
    }

    @Test
    void initiateAuthWhenAdminPasswordFlowThenRefusedWithoutTheAdminCredential() throws Exception {
        String username = confirmedUser(Map.of());
        Map<String, String> password = Map.of("USERNAME", username, "PASSWORD", PASSWORD);

        // The unsigned InitiateAuth is no way around AdminInitiateAuth's SigV4, whatever the client allows.
        for (AuthFlowType adminFlow : List.of(AuthFlowType.ADMIN_USER_PASSWORD_AUTH, AuthFlowType.ADMIN_NO_SRP_AUTH)) {
            assertThatThrownBy(() -> cognito.initiateAuth(r -> r.clientId(clientId).authFlow(adminFlow)
                    .authParameters(password))).as(adminFlow.toString())
                    .isInstanceOf(InvalidParameterException.class)
                    .hasMessageContaining("Initiate Auth method not supported.");
        }
        assertThatThrownBy(() -> cognito.adminInitiateAuth(r -> r.userPoolId(poolId).clientId(clientId)
                .authFlow(AuthFlowType.USER_PASSWORD_AUTH).authParameters(password)))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("Initiate Auth method not supported.");
        // The same over raw HTTP with no signature at all.
        java.net.http.HttpResponse<String> raw = RawCall.unsigned(RawCall.target("InitiateAuth"), "{\"ClientId\":\""
                + clientId + "\",\"AuthFlow\":\"ADMIN_USER_PASSWORD_AUTH\",\"AuthParameters\":{\"USERNAME\":\""
                + username + "\",\"PASSWORD\":\"" + PASSWORD + "\"}}", Map.of());
        assertThat(raw.statusCode()).isEqualTo(400);
        assertThat(raw.body()).contains("InvalidParameterException").doesNotContain("AccessToken");
    }

    @Test
    void signInWhenClientUnknownOrOfAnotherPoolThenResourceNotFound() {
        String username = confirmedUser(Map.of());
        String otherPool = cognito.createUserPool(r -> r.poolName("sign-in-elsewhere")).userPool().id();
        Map<String, String> password = Map.of("USERNAME", username, "PASSWORD", PASSWORD);

        assertThatThrownBy(() -> cognito.initiateAuth(r -> r.clientId("nosuchclient0000000000000a")
                .authFlow(AuthFlowType.USER_PASSWORD_AUTH).authParameters(password)))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageContaining("User pool client nosuchclient0000000000000a does not exist.");
        assertThatThrownBy(() -> cognito.adminInitiateAuth(r -> r.userPoolId(otherPool).clientId(clientId)
                .authFlow(AuthFlowType.ADMIN_USER_PASSWORD_AUTH).authParameters(password)))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageContaining("User pool client " + clientId + " does not exist.");
        assertThat(cognito.adminInitiateAuth(r -> r.userPoolId(poolId).clientId(clientId)
                .authFlow(AuthFlowType.ADMIN_USER_PASSWORD_AUTH).authParameters(password)).authenticationResult()
                .accessToken()).isNotBlank();
    }

    @Test
    void getUserWhenAccessTokenThenProfileAndWhenOtherTokenThenNotAuthorized() {
        String username = confirmedUser(Map.of("name", "Jack", "email", "jack@example.com"));
        AuthenticationResultType tokens = signIn(username, PASSWORD);

        GetUserResponse user = cognito.getUser(r -> r.accessToken(tokens.accessToken()));

        assertThat(user.username()).isEqualTo(username);
        assertThat(user.userAttributes()).extracting(AttributeType::name).contains("sub", "name", "email");
        assertThatThrownBy(() -> cognito.getUser(r -> r.accessToken(tokens.idToken())))
                .isInstanceOf(NotAuthorizedException.class);
        String[] parts = tokens.accessToken().split("\\.");
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(
                new String(Base64.getUrlDecoder().decode(parts[1])).replace(username, "someone-else").getBytes())
                + "." + parts[2];
        assertThatThrownBy(() -> cognito.getUser(r -> r.accessToken(forged))).isInstanceOf(NotAuthorizedException.class);
        assertThatThrownBy(() -> cognito.getUser(r -> r.accessToken("not.a.token")))
                .isInstanceOf(NotAuthorizedException.class);
    }

    @Test
    void refreshWhenTokenValidThenNewTokensContinuingTheSignIn() throws Exception {
        String username = confirmedUser(Map.of());
        AuthenticationResultType first = signIn(username, PASSWORD);

        AuthenticationResultType refreshed = refresh(first.refreshToken());

        assertThat(refreshed.refreshToken()).isNull();
        var before = SignedJWT.parse(first.accessToken()).getJWTClaimsSet();
        var after = SignedJWT.parse(refreshed.accessToken()).getJWTClaimsSet();
        assertThat(after.getStringClaim("origin_jti")).isEqualTo(before.getStringClaim("origin_jti"));
        assertThat(after.getLongClaim("auth_time")).isEqualTo(before.getLongClaim("auth_time"));
        assertThat(after.getJWTID()).isNotEqualTo(before.getJWTID());
        assertThat(cognito.getUser(r -> r.accessToken(refreshed.accessToken())).username()).isEqualTo(username);
        assertThatThrownBy(() -> refresh("not-a-refresh-token")).isInstanceOf(NotAuthorizedException.class)
                .hasMessageContaining("Invalid Refresh Token");
    }

    @Test
    void globalSignOutWhenCalledThenEverySignInOfTheUserEnds() {
        String username = confirmedUser(Map.of());
        AuthenticationResultType phone = signIn(username, PASSWORD);
        AuthenticationResultType laptop = signIn(username, PASSWORD);

        cognito.globalSignOut(r -> r.accessToken(phone.accessToken()));

        for (AuthenticationResultType session : java.util.List.of(phone, laptop)) {
            assertThatThrownBy(() -> cognito.getUser(r -> r.accessToken(session.accessToken())))
                    .isInstanceOf(NotAuthorizedException.class).hasMessageContaining("revoked");
            assertThatThrownBy(() -> refresh(session.refreshToken())).isInstanceOf(NotAuthorizedException.class)
                    .hasMessageContaining("revoked");
        }
        assertThat(cognito.getUser(r -> r.accessToken(signIn(username, PASSWORD).accessToken())).username())
                .isEqualTo(username);
    }

    @Test
    void revokeTokenWhenRefreshTokenRevokedThenOnlyThatSignInEnds() {
        String username = confirmedUser(Map.of());
        AuthenticationResultType revoked = signIn(username, PASSWORD);
        AuthenticationResultType kept = signIn(username, PASSWORD);

        cognito.revokeToken(r -> r.clientId(clientId).token(revoked.refreshToken()));

        assertThatThrownBy(() -> refresh(revoked.refreshToken())).isInstanceOf(NotAuthorizedException.class);
        assertThatThrownBy(() -> cognito.getUser(r -> r.accessToken(revoked.accessToken())))
                .isInstanceOf(NotAuthorizedException.class);
        assertThat(cognito.getUser(r -> r.accessToken(kept.accessToken())).username()).isEqualTo(username);
        assertThat(refresh(kept.refreshToken()).accessToken()).isNotBlank();
    }

    private static AuthenticationResultType refresh(String refreshToken) {
        return cognito.initiateAuth(r -> r.clientId(clientId).authFlow(AuthFlowType.REFRESH_TOKEN_AUTH)
                .authParameters(Map.of("REFRESH_TOKEN", refreshToken))).authenticationResult();
    }

    @Test
    void getTokensFromRefreshTokenWhenRotationEnabledThenNewRefreshTokenAndTheOldOneEnds() throws Exception {
        String rotating = cognito.createUserPoolClient(r -> r.userPoolId(poolId).clientName("rotating")
                .explicitAuthFlows(ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH,
                        ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH)
                .refreshTokenRotation(t -> t.feature(FeatureType.ENABLED).retryGracePeriodSeconds(0)))
                .userPoolClient().clientId();
        String username = confirmedUser(Map.of());
        AuthenticationResultType first = cognito.initiateAuth(r -> r.clientId(rotating)
                .authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", username, "PASSWORD", PASSWORD))).authenticationResult();

        AuthenticationResultType second = cognito.getTokensFromRefreshToken(r -> r.clientId(rotating)
                .refreshToken(first.refreshToken())).authenticationResult();

        assertThat(second.refreshToken()).isNotBlank().isNotEqualTo(first.refreshToken());
        assertThat(cognito.getUser(r -> r.accessToken(first.accessToken())).username()).isEqualTo(username);
        assertThat(cognito.getTokensFromRefreshToken(r -> r.clientId(rotating).refreshToken(second.refreshToken()))
                .authenticationResult().accessToken()).isNotBlank();

        AuthenticationResultType plain = cognito.initiateAuth(r -> r.clientId(clientId)
                .authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", username, "PASSWORD", PASSWORD))).authenticationResult();
        AuthenticationResultType refreshed = cognito.getTokensFromRefreshToken(r -> r.clientId(clientId)
                .refreshToken(plain.refreshToken())).authenticationResult();
        assertThat(refreshed.refreshToken()).as("no rotation: the refresh token stays").isNull();
        assertThat(refreshed.idToken()).isNotBlank();
    }

    @Test
    void rotatedRefreshTokenWhenReplayedAfterItsGracePeriodThenTheWholeSignInIsRevoked() {
        String rotating = rotatingClient(0);
        String username = confirmedUser(Map.of());
        AuthenticationResultType first = signInThrough(rotating, username);
        AuthenticationResultType second = rotate(rotating, first.refreshToken());
        AuthenticationResultType third = rotate(rotating, second.refreshToken());

        // A copy of the first token comes back: the client or a thief, no telling which (RFC 9700 4.14.2).
        assertThatThrownBy(() -> rotate(rotating, first.refreshToken())).isInstanceOf(NotAuthorizedException.class);

        assertThatThrownBy(() -> rotate(rotating, third.refreshToken())).isInstanceOf(NotAuthorizedException.class)
                .hasMessageContaining("revoked");
        assertThatThrownBy(() -> cognito.getUser(r -> r.accessToken(third.accessToken())))
                .isInstanceOf(NotAuthorizedException.class);
        assertThatThrownBy(() -> cognito.initiateAuth(r -> r.clientId(rotating).authFlow(AuthFlowType.REFRESH_TOKEN_AUTH)
                .authParameters(Map.of("REFRESH_TOKEN", third.refreshToken())))).isInstanceOf(NotAuthorizedException.class);
    }

    @Test
    void rotatedRefreshTokenWhenRetriedWithinItsGracePeriodThenOnlyTheNewestReplacementLives() {
        String rotating = rotatingClient(60);
        String username = confirmedUser(Map.of());
        AuthenticationResultType first = signInThrough(rotating, username);
        AuthenticationResultType lost = rotate(rotating, first.refreshToken());

        // The answer was lost; the client retries with the token it still has, within the grace period.
        AuthenticationResultType retried = rotate(rotating, first.refreshToken());

        assertThat(retried.refreshToken()).isNotEqualTo(lost.refreshToken());
        AuthenticationResultType next = rotate(rotating, retried.refreshToken());
        assertThat(cognito.getUser(r -> r.accessToken(next.accessToken())).username()).isEqualTo(username);
        // Two live chains would let a copy of the first token keep one for itself: the lost replacement is dead,
        // and presenting it is taken as theft.
        assertThatThrownBy(() -> rotate(rotating, lost.refreshToken())).isInstanceOf(NotAuthorizedException.class);
        assertThatThrownBy(() -> rotate(rotating, next.refreshToken())).isInstanceOf(NotAuthorizedException.class);
    }

    @Test
    void revokeTokenWhenTheTokenWasRotatedThenEveryTokenOfTheSignInEnds() {
        String rotating = rotatingClient(60);
        String username = confirmedUser(Map.of());
        AuthenticationResultType first = signInThrough(rotating, username);
        AuthenticationResultType second = rotate(rotating, first.refreshToken());

        cognito.revokeToken(r -> r.clientId(rotating).token(first.refreshToken()));

        assertThatThrownBy(() -> rotate(rotating, second.refreshToken())).isInstanceOf(NotAuthorizedException.class);
        assertThatThrownBy(() -> cognito.getUser(r -> r.accessToken(second.accessToken())))
                .isInstanceOf(NotAuthorizedException.class);
    }

    private static String rotatingClient(int graceSeconds) {
        return cognito.createUserPoolClient(r -> r.userPoolId(poolId).clientName("rotating-" + graceSeconds)
                .explicitAuthFlows(ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH,
                        ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH)
                .refreshTokenRotation(t -> t.feature(FeatureType.ENABLED).retryGracePeriodSeconds(graceSeconds)))
                .userPoolClient().clientId();
    }

    private static AuthenticationResultType signInThrough(String client, String username) {
        return cognito.initiateAuth(r -> r.clientId(client).authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", username, "PASSWORD", PASSWORD))).authenticationResult();
    }

    private static AuthenticationResultType rotate(String client, String refreshToken) {
        return cognito.getTokensFromRefreshToken(r -> r.clientId(client).refreshToken(refreshToken))
                .authenticationResult();
    }

    private static String confirmedUser(Map<String, String> attributes) {
        String username = "user-" + UUID.randomUUID();
        cognito.signUp(r -> r.clientId(clientId).username(username).password(PASSWORD)
                .userAttributes(attributes.entrySet().stream()
                        .map(e -> AttributeType.builder().name(e.getKey()).value(e.getValue()).build()).toList()));
        cognito.adminConfirmSignUp(r -> r.userPoolId(poolId).username(username));
        return username;
    }

    private static AuthenticationResultType signIn(String username, String password) {
        return cognito.initiateAuth(r -> r.clientId(clientId).authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", username, "PASSWORD", password))).authenticationResult();
    }

    private static SignedJWT verified(String token, JWKSet keys) throws Exception {
        SignedJWT jwt = SignedJWT.parse(token);
        RSAKey key = (RSAKey) keys.getKeyByKeyId(jwt.getHeader().getKeyID());
        assertThat(key).as("the token's key is in the pool's JWKS").isNotNull();
        assertThat(jwt.verify(new RSASSAVerifier(key))).isTrue();
        return jwt;
    }
}
