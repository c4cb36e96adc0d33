package io.gatehouse.it.cognito;

import com.nimbusds.jwt.SignedJWT;
import io.gatehouse.api.testing.CognitoSrpClient;
import io.gatehouse.it.Gatehouse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ChallengeNameType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.RespondToAuthChallengeResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** USER_SRP_AUTH and PASSWORD_VERIFIER through the AWS SDK, with a Java SRP client written from the libraries. */
class SrpIT {

    private static final String PASSWORD = "Secret-Remote-1";

    private static CognitoIdentityProviderClient cognito;
    private static String poolId;
    private static String clientId;

    @BeforeAll
    static void pool() {
        cognito = Gatehouse.adminClient();
        poolId = cognito.createUserPool(r -> r.poolName("srp")).userPool().id();
        clientId = srpClient(poolId, false);
    }

    @AfterAll
    static void close() {
        cognito.close();
    }

    private static String srpClient(String pool, boolean prevent) {
        return cognito.createUserPoolClient(r -> r.userPoolId(pool).clientName("spa")
                .preventUserExistenceErrors(prevent ? "ENABLED" : "LEGACY")
                .explicitAuthFlows(ExplicitAuthFlowsType.ALLOW_USER_SRP_AUTH, ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH,
                        ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH)).userPoolClient().clientId();
    }

    private static String user(String pool, String password) {
        String username = "srp-" + UUID.randomUUID().toString().substring(0, 8);
        cognito.adminCreateUser(r -> r.userPoolId(pool).username(username).messageAction(MessageActionType.SUPPRESS)
                .temporaryPassword("Temporary-Pass-1"));
        cognito.adminSetUserPassword(r -> r.userPoolId(pool).username(username).password(password).permanent(true));
        return username;
    }

    private static InitiateAuthResponse start(String pool, String client, CognitoSrpClient srp, String username) {
        return cognito.initiateAuth(r -> r.clientId(client).authFlow(AuthFlowType.USER_SRP_AUTH)
                .authParameters(Map.of("USERNAME", username, "SRP_A", srp.srpA())));
    }

    private static RespondToAuthChallengeResponse answer(String client, InitiateAuthResponse challenge,
                                                          Map<String, String> responses) {
        return cognito.respondToAuthChallenge(r -> r.clientId(client).challengeName(ChallengeNameType.PASSWORD_VERIFIER)
                .session(challenge.session()).challengeResponses(responses));
    }

    private static RespondToAuthChallengeResponse signIn(String pool, String client, String username, String password)
            throws Exception {
        CognitoSrpClient srp = CognitoSrpClient.forPool(pool);
        InitiateAuthResponse challenge = start(pool, client, srp, username);
        return answer(client, challenge, srp.answer(challenge.challengeParameters(), password, Instant.now()));
    }

    @Test
    void srpWhenPasswordRightThenTokensForTheUser() throws Exception {
        String username = user(poolId, PASSWORD);
        CognitoSrpClient srp = CognitoSrpClient.forPool(poolId);

        InitiateAuthResponse challenge = start(poolId, clientId, srp, username);

        assertThat(challenge.challengeName()).isEqualTo(ChallengeNameType.PASSWORD_VERIFIER);
        Map<String, String> parameters = challenge.challengeParameters();
        assertThat(parameters).containsKeys("SALT", "SRP_B", "SECRET_BLOCK", "USERNAME", "USER_ID_FOR_SRP");
        assertThat(parameters.get("USER_ID_FOR_SRP")).isEqualTo(username);
        assertThat(parameters.get("SALT")).matches("[0-9a-f]+").doesNotStartWith("0");
        assertThat(parameters.get("SECRET_BLOCK")).matches("[A-Za-z0-9+/]+=*");
        RespondToAuthChallengeResponse done = answer(clientId, challenge,
                srp.answer(parameters, PASSWORD, Instant.now()));
        assertThat(done.authenticationResult().refreshToken()).isNotBlank();
        assertThat(SignedJWT.parse(done.authenticationResult().idToken()).getJWTClaimsSet()
                .getStringClaim("cognito:username")).isEqualTo(username);
        assertThat(cognito.getUser(r -> r.accessToken(done.authenticationResult().accessToken())).username())
                .isEqualTo(username);
    }

    @Test
    void srpWhenPasswordWrongOrBlockReplayedOrTamperedThenNotAuthorized() throws Exception {
        String username = user(poolId, PASSWORD);
        assertThatThrownBy(() -> signIn(poolId, clientId, username, "Secret-Remote-2"))
                .isInstanceOf(NotAuthorizedException.class).hasMessageContaining("Incorrect username or password.");

        CognitoSrpClient srp = CognitoSrpClient.forPool(poolId);
        InitiateAuthResponse challenge = start(poolId, clientId, srp, username);
        Map<String, String> good = srp.answer(challenge.challengeParameters(), PASSWORD, Instant.now());
        Map<String, String> tampered = new HashMap<>(good);
        String block = good.get("PASSWORD_CLAIM_SECRET_BLOCK");
        char flipped = block.charAt(20) == 'A' ? 'B' : 'A';
        tampered.put("PASSWORD_CLAIM_SECRET_BLOCK", block.substring(0, 20) + flipped + block.substring(21));
        assertThatThrownBy(() -> answer(clientId, challenge, tampered)).isInstanceOf(NotAuthorizedException.class);
        assertThat(answer(clientId, challenge, good).authenticationResult()).isNotNull();
        assertThatThrownBy(() -> answer(clientId, challenge, good)).as("a secret block answers once")
                .isInstanceOf(NotAuthorizedException.class);
    }

    @Test
    void srpWhenUserUnknownAndExistenceErrorsPreventedThenSameChallengeShapeAndSameFailure() throws Exception {
        String preventing = srpClient(poolId, true);
        String ghost = "ghost-" + UUID.randomUUID().toString().substring(0, 8);

        InitiateAuthResponse first = start(poolId, preventing, CognitoSrpClient.forPool(poolId), ghost);
        InitiateAuthResponse second = start(poolId, preventing, CognitoSrpClient.forPool(poolId), ghost);

        assertThat(first.challengeName()).isEqualTo(ChallengeNameType.PASSWORD_VERIFIER);
        assertThat(first.challengeParameters().keySet()).isEqualTo(
                start(poolId, preventing, CognitoSrpClient.forPool(poolId), user(poolId, PASSWORD)).challengeParameters().keySet());
        assertThat(first.challengeParameters().get("SALT")).as("a stable salt, as a real user's")
                .isEqualTo(second.challengeParameters().get("SALT"));
        assertThatThrownBy(() -> signIn(poolId, preventing, ghost, PASSWORD)).isInstanceOf(NotAuthorizedException.class)
                .hasMessageContaining("Incorrect username or password.");
        assertThatThrownBy(() -> start(poolId, clientId, CognitoSrpClient.forPool(poolId), ghost))
                .as("without prevention, as Cognito").isInstanceOf(UserNotFoundException.class);
    }

    @Test
    void srpWhenTemporaryPasswordThenNewPasswordRequiredAndThenSrpWithTheNewOne() throws Exception {
        String username = "temp-" + UUID.randomUUID().toString().substring(0, 8);
        cognito.adminCreateUser(r -> r.userPoolId(poolId).username(username).messageAction(MessageActionType.SUPPRESS)
                .temporaryPassword("Temporary-Pass-1"));

        RespondToAuthChallengeResponse step = signIn(poolId, clientId, username, "Temporary-Pass-1");

        assertThat(step.challengeName()).isEqualTo(ChallengeNameType.NEW_PASSWORD_REQUIRED);
        cognito.respondToAuthChallenge(r -> r.clientId(clientId).challengeName(ChallengeNameType.NEW_PASSWORD_REQUIRED)
                .session(step.session()).challengeResponses(Map.of("USERNAME", username, "NEW_PASSWORD", PASSWORD)));
        assertThatThrownBy(() -> signIn(poolId, clientId, username, "Temporary-Pass-1"))
                .isInstanceOf(NotAuthorizedException.class);
        assertThat(signIn(poolId, clientId, username, PASSWORD).authenticationResult()).isNotNull();
    }

    @Test
    void srpWhenImportedWithoutVerifierThenOnlyAfterOnePasswordSignIn() throws Exception {
        String username = "moved-" + UUID.randomUUID().toString().substring(0, 8);
        // bcrypt of "Fj0rd-välkommen!", made by libxcrypt (see PasswordHashesTest).
        ImportJobRuns.run(cognito, poolId, "cognito:username,gatehouse:password_hash\r\n" + username
                + ",$2b$05$whLzb2WUws11BnIfA4wvd.MhUfJmAH1lijsmSn/YGJ7YHwMUek0t6\r\n");

        assertThatThrownBy(() -> signIn(poolId, clientId, username, "Fj0rd-välkommen!"))
                .isInstanceOf(NotAuthorizedException.class);
        cognito.initiateAuth(r -> r.clientId(clientId).authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", username, "PASSWORD", "Fj0rd-välkommen!")));
        assertThat(signIn(poolId, clientId, username, "Fj0rd-välkommen!").authenticationResult()).isNotNull();
    }

    @Test
    void srpWhenClientLacksTheFlowOrPoolTurnedSrpOffThenRefusedAndVerifiersGone() throws Exception {
        String passwordOnly = Clients.passwordClient(cognito, poolId);
        assertThatThrownBy(() -> start(poolId, passwordOnly, CognitoSrpClient.forPool(poolId), "anyone"))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("USER_SRP_AUTH");

        String pool = cognito.createUserPool(r -> r.poolName("srp-switch")).userPool().id();
        String client = srpClient(pool, false);
        String username = user(pool, PASSWORD);
        assertThat(signIn(pool, client, username, PASSWORD).authenticationResult()).isNotNull();

        cognito.updateUserPool(r -> r.userPoolId(pool).userPoolTags(Map.of("gatehouse:srp", "disabled")));
        assertThatThrownBy(() -> signIn(pool, client, username, PASSWORD)).isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("turned off");
        cognito.updateUserPool(r -> r.userPoolId(pool).userPoolTags(Map.of()));
        assertThatThrownBy(() -> signIn(pool, client, username, PASSWORD)).as("its verifiers were dropped")
                .isInstanceOf(NotAuthorizedException.class);
    }

    @Test
    void srpWhenClientHasSecretThenSecretHashRequired() throws Exception {
        var created = cognito.createUserPoolClient(r -> r.userPoolId(poolId).clientName("server").generateSecret(true)
                .explicitAuthFlows(ExplicitAuthFlowsType.ALLOW_USER_SRP_AUTH, ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH))
                .userPoolClient();
        String username = user(poolId, PASSWORD);
        CognitoSrpClient srp = CognitoSrpClient.forPool(poolId);

        assertThatThrownBy(() -> start(poolId, created.clientId(), srp, username))
                .isInstanceOf(NotAuthorizedException.class).hasMessageContaining("secret was not received");
        String secretHash = Clients.secretHash(created.clientSecret(), username, created.clientId());
        InitiateAuthResponse challenge = cognito.initiateAuth(r -> r.clientId(created.clientId())
                .authFlow(AuthFlowType.USER_SRP_AUTH)
                .authParameters(Map.of("USERNAME", username, "SRP_A", srp.srpA(), "SECRET_HASH", secretHash)));
        Map<String, String> responses = new HashMap<>(srp.answer(challenge.challengeParameters(), PASSWORD,
                Instant.now()));
        responses.put("SECRET_HASH", secretHash);
        assertThat(answer(created.clientId(), challenge, responses).authenticationResult()).isNotNull();
    }
}
