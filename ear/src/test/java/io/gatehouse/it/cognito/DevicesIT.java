package io.gatehouse.it.cognito;

import io.gatehouse.api.testing.CognitoSrpClient;
import io.gatehouse.it.Gatehouse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ChallengeNameType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.DeviceRememberedStatusType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.DeviceType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NewDeviceMetadataType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.RespondToAuthChallengeResponse;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Remembered devices through the AWS SDK: the new device key with a sign-in, ConfirmDevice with the device's SRP
 * verifier, the user's choice to remember it, DEVICE_SRP_AUTH and DEVICE_PASSWORD_VERIFIER, and the user's and the
 * administrator's device operations.
 */
class DevicesIT {

    private static final String PASSWORD = "Device-Owner-1";
    private static final String DEVICE_PASSWORD = "e8ZLhdtjKJ3j6w1X+4g5kRZbVgD0vQ1qJ2rW3sT4uV5wX6yZ7aB8cD9e";

    private static CognitoIdentityProviderClient cognito;
    private static String poolId;
    private static String clientId;

    @BeforeAll
    static void pool() {
        cognito = Gatehouse.adminClient();
        poolId = cognito.createUserPool(r -> r.poolName("devices").deviceConfiguration(d -> d
                .challengeRequiredOnNewDevice(false).deviceOnlyRememberedOnUserPrompt(true))).userPool().id();
        clientId = cognito.createUserPoolClient(r -> r.userPoolId(poolId).clientName("app").explicitAuthFlows(
                ExplicitAuthFlowsType.ALLOW_USER_SRP_AUTH, ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH,
                ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH)).userPoolClient().clientId();
    }

    @AfterAll
    static void close() {
        cognito.close();
    }

    private static String user() {
        String username = "owner-" + UUID.randomUUID().toString().substring(0, 8);
        cognito.adminCreateUser(r -> r.userPoolId(poolId).username(username).messageAction(MessageActionType.SUPPRESS)
                .temporaryPassword("Temporary-Pass-1"));
        cognito.adminSetUserPassword(r -> r.userPoolId(poolId).username(username).password(PASSWORD).permanent(true));
        return username;
    }

    private static InitiateAuthResponse passwordSignIn(String username, String deviceKey) {
        Map<String, String> parameters = new HashMap<>(Map.of("USERNAME", username, "PASSWORD", PASSWORD));
        if (deviceKey != null) {
            parameters.put("DEVICE_KEY", deviceKey);
        }
        return cognito.initiateAuth(r -> r.clientId(clientId).authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                .authParameters(parameters));
    }

    /** Signs in, confirms the device it was given and returns its key and group key. */
    private static NewDeviceMetadataType confirmedDevice(String username) throws Exception {
        AuthenticationResultType result = passwordSignIn(username, null).authenticationResult();
        NewDeviceMetadataType device = result.newDeviceMetadata();
        Map<String, String> verifier = CognitoSrpClient.deviceVerifier(device.deviceGroupKey(), device.deviceKey(),
                DEVICE_PASSWORD);
        boolean ask = cognito.confirmDevice(r -> r.accessToken(result.accessToken()).deviceKey(device.deviceKey())
                .deviceName("Firefox on Linux").deviceSecretVerifierConfig(c -> c.salt(verifier.get("Salt"))
                        .passwordVerifier(verifier.get("PasswordVerifier")))).userConfirmationNecessary();
        assertThat(ask).as("DeviceOnlyRememberedOnUserPrompt: the user is asked").isTrue();
        return device;
    }

    /** The device's part of a sign-in: DEVICE_SRP_AUTH, then DEVICE_PASSWORD_VERIFIER with its password. */
    private static RespondToAuthChallengeResponse proveDevice(String username, NewDeviceMetadataType device,
                                                               String session, String password) throws Exception {
        CognitoSrpClient srp = CognitoSrpClient.forDevice(device.deviceGroupKey());
        RespondToAuthChallengeResponse challenge = cognito.respondToAuthChallenge(r -> r.clientId(clientId)
                .challengeName(ChallengeNameType.DEVICE_SRP_AUTH).session(session).challengeResponses(Map.of(
                        "USERNAME", username, "DEVICE_KEY", device.deviceKey(), "SRP_A", srp.srpA())));
        assertThat(challenge.challengeName()).isEqualTo(ChallengeNameType.DEVICE_PASSWORD_VERIFIER);
        Map<String, String> answer = new HashMap<>(srp.answer(device.deviceKey(), username,
                challenge.challengeParameters(), password, Instant.now()));
        answer.put("DEVICE_KEY", device.deviceKey());
        return cognito.respondToAuthChallenge(r -> r.clientId(clientId)
                .challengeName(ChallengeNameType.DEVICE_PASSWORD_VERIFIER).session(challenge.session())
                .challengeResponses(answer));
    }

    @Test
    void deviceWhenConfirmedAndRememberedThenItProvesItselfAtSrpSignIn() throws Exception {
        String username = user();
        NewDeviceMetadataType device = confirmedDevice(username);
        assertThat(device.deviceKey()).startsWith("us-east-1_");

        AuthenticationResultType known = passwordSignIn(username, device.deviceKey()).authenticationResult();
        assertThat(known.newDeviceMetadata()).as("a known device gets no new key").isNull();
        DeviceType listed = cognito.listDevices(r -> r.accessToken(known.accessToken())).devices().get(0);
        assertThat(listed.deviceKey()).isEqualTo(device.deviceKey());
        assertThat(listed.deviceAttributes()).contains(
                AttributeType.builder().name("device_name").value("Firefox on Linux").build(),
                AttributeType.builder().name("dev:device_remembered_status").value("not_remembered").build());

        cognito.updateDeviceStatus(r -> r.accessToken(known.accessToken()).deviceKey(device.deviceKey())
                .deviceRememberedStatus(DeviceRememberedStatusType.REMEMBERED));
        CognitoSrpClient srp = CognitoSrpClient.forPool(poolId);
        InitiateAuthResponse verifier = cognito.initiateAuth(r -> r.clientId(clientId).authFlow(AuthFlowType.USER_SRP_AUTH)
                .authParameters(Map.of("USERNAME", username, "SRP_A", srp.srpA(), "DEVICE_KEY", device.deviceKey())));
        Map<String, String> answer = new HashMap<>(srp.answer(verifier.challengeParameters(), PASSWORD, Instant.now()));
        answer.put("DEVICE_KEY", device.deviceKey());
        RespondToAuthChallengeResponse deviceStep = cognito.respondToAuthChallenge(r -> r.clientId(clientId)
                .challengeName(ChallengeNameType.PASSWORD_VERIFIER).session(verifier.session())
                .challengeResponses(answer));

        assertThat(deviceStep.challengeName()).isEqualTo(ChallengeNameType.DEVICE_SRP_AUTH);
        AuthenticationResultType done = proveDevice(username, device, deviceStep.session(), DEVICE_PASSWORD)
                .authenticationResult();
        assertThat(done.accessToken()).isNotBlank();
        assertThat(done.newDeviceMetadata()).isNull();
        assertThat(cognito.getDevice(r -> r.accessToken(done.accessToken()).deviceKey(device.deviceKey())).device()
                .deviceLastAuthenticatedDate()).isNotNull();

        String again = passwordSignIn(username, device.deviceKey()).session();
        assertThatThrownBy(() -> proveDevice(username, device, again, "not-the-device-password"))
                .isInstanceOf(NotAuthorizedException.class);
    }

    @Test
    void adminDeviceOperationsWhenUsedThenSeeUpdateAndForgetTheDevice() throws Exception {
        String username = user();
        NewDeviceMetadataType device = confirmedDevice(username);

        assertThat(cognito.adminListDevices(r -> r.userPoolId(poolId).username(username)).devices())
                .extracting(DeviceType::deviceKey).containsExactly(device.deviceKey());
        cognito.adminUpdateDeviceStatus(r -> r.userPoolId(poolId).username(username).deviceKey(device.deviceKey())
                .deviceRememberedStatus(DeviceRememberedStatusType.REMEMBERED));
        assertThat(cognito.adminGetDevice(r -> r.userPoolId(poolId).username(username).deviceKey(device.deviceKey()))
                .device().deviceAttributes()).contains(AttributeType.builder()
                .name("dev:device_remembered_status").value("remembered").build());
        assertThat(passwordSignIn(username, device.deviceKey()).challengeName())
                .isEqualTo(ChallengeNameType.DEVICE_SRP_AUTH);

        cognito.adminForgetDevice(r -> r.userPoolId(poolId).username(username).deviceKey(device.deviceKey()));

        assertThat(passwordSignIn(username, device.deviceKey()).authenticationResult().newDeviceMetadata())
                .as("a forgotten device signs in as a new one").isNotNull();
        assertThatThrownBy(() -> cognito.adminGetDevice(r -> r.userPoolId(poolId).username(username)
                .deviceKey(device.deviceKey()))).isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void confirmDeviceWhenKeyIsAnotherUsersOrPoolTracksNoDevicesThenRefusedOrNoKey() throws Exception {
        String owner = user();
        String other = user();
        NewDeviceMetadataType device = passwordSignIn(owner, null).authenticationResult().newDeviceMetadata();
        String otherToken = passwordSignIn(other, null).authenticationResult().accessToken();
        Map<String, String> verifier = CognitoSrpClient.deviceVerifier(device.deviceGroupKey(), device.deviceKey(), "x");

        assertThatThrownBy(() -> cognito.confirmDevice(r -> r.accessToken(otherToken).deviceKey(device.deviceKey())
                .deviceSecretVerifierConfig(c -> c.salt(verifier.get("Salt"))
                        .passwordVerifier(verifier.get("PasswordVerifier")))))
                .isInstanceOf(ResourceNotFoundException.class);

        String plainPool = cognito.createUserPool(r -> r.poolName("no-devices")).userPool().id();
        String plainClient = Clients.passwordClient(cognito, plainPool);
        cognito.adminCreateUser(r -> r.userPoolId(plainPool).username("pat").messageAction(MessageActionType.SUPPRESS)
                .temporaryPassword("Temporary-Pass-1"));
        cognito.adminSetUserPassword(r -> r.userPoolId(plainPool).username("pat").password(PASSWORD).permanent(true));
        assertThat(cognito.initiateAuth(r -> r.clientId(plainClient).authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", "pat", "PASSWORD", PASSWORD))).authenticationResult()
                .newDeviceMetadata()).isNull();
    }
}
