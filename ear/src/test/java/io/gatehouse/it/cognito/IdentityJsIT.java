package io.gatehouse.it.cognito;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.gatehouse.it.Gatehouse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.DeviceType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserStatusType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.VerifiedAttributeType;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * amazon-cognito-identity-js, the library most Cognito web apps and Amplify's older Auth use, unchanged but for its
 * {@code endpoint}, and Amplify JS v6's Auth, unchanged but for its {@code userPoolEndpoint}, under Node (installed from the lock file by the build's {@code npm ci}): sign-up, the e-mailed
 * code, sign-in with SRP (its default), a wrong password, the user's attributes, a refresh, and a remembered device.
 * IdentityJsMfaIT runs the same libraries through the second factors.
 */
class IdentityJsIT {

    @RegisterExtension
    static final GreenMailExtension MAIL = Mailbox.smtpServer();

    private static CognitoIdentityProviderClient cognito;
    private static String poolId;
    private static String clientId;

    @BeforeAll
    static void pool() {
        cognito = Gatehouse.adminClient();
        poolId = cognito.createUserPool(r -> r.poolName("identity-js")
                .autoVerifiedAttributes(VerifiedAttributeType.EMAIL)).userPool().id();
        // No ExplicitAuthFlows: Cognito's defaults, SRP and refresh, as a console-made web client has.
        clientId = cognito.createUserPoolClient(r -> r.userPoolId(poolId).clientName("web")).userPoolClient().clientId();
    }

    @AfterAll
    static void close() {
        cognito.close();
    }

    private static JsonNode node(String... arguments) throws Exception {
        return nodeFor(poolId, clientId, arguments);
    }

    private static JsonNode nodeFor(String pool, String client, String... arguments) throws Exception {
        List<String> all = new ArrayList<>(List.of(pool, client));
        all.addAll(List.of(arguments));
        return script("cognito-js.mjs", all.toArray(String[]::new));
    }

    private static JsonNode script(String script, String... arguments) throws Exception {
        return NodeScripts.run(script, arguments);
    }

    @Test
    void libraryWhenSigningUpAndInWithSrpThenWorksUnchanged() throws Exception {
        String username = "js-" + UUID.randomUUID().toString().substring(0, 8);
        String email = username + "@example.com";
        String password = "Browser-Pass-1";

        JsonNode signUp = node("sign-up", username, password, email);
        assertThat(signUp.path("error").isMissingNode()).as(signUp.toString()).isTrue();
        assertThat(signUp.path("userConfirmed").asBoolean()).isFalse();
        assertThat(signUp.path("userSub").asText()).matches("[0-9a-f-]{36}");

        JsonNode confirmed = node("confirm", username, Mailbox.lastCodeTo(MAIL, email));
        assertThat(confirmed.path("result").asText()).as(confirmed.toString()).isEqualTo("SUCCESS");
        assertThat(cognito.adminGetUser(r -> r.userPoolId(poolId).username(username)).userStatus())
                .isEqualTo(UserStatusType.CONFIRMED);

        JsonNode session = node("sign-in", username, password);
        assertThat(session.path("error").isMissingNode()).as(session.toString()).isTrue();
        assertThat(session.path("wrongPassword").asText()).isEqualTo("NotAuthorizedException");
        assertThat(session.path("idTokenUser").asText()).isEqualTo(username);
        assertThat(session.path("accessTokenUse").asText()).isEqualTo("access");
        assertThat(session.path("email").asText()).isEqualTo(email);
        assertThat(session.path("refreshedSameSub").asBoolean()).isTrue();
        assertThat(session.path("refreshedNewToken").asBoolean()).isTrue();
    }

    @Test
    void libraryWhenPoolRemembersDevicesThenItConfirmsOneAndTheDeviceProvesItselfNextTime() throws Exception {
        String pool = cognito.createUserPool(r -> r.poolName("identity-js-devices").deviceConfiguration(d -> d
                .challengeRequiredOnNewDevice(true).deviceOnlyRememberedOnUserPrompt(false))).userPool().id();
        String client = cognito.createUserPoolClient(r -> r.userPoolId(pool).clientName("web")).userPoolClient()
                .clientId();
        cognito.adminCreateUser(r -> r.userPoolId(pool).username("dana").messageAction(MessageActionType.SUPPRESS)
                .temporaryPassword("Temporary-Pass-1"));
        cognito.adminSetUserPassword(r -> r.userPoolId(pool).username("dana").password("Browser-Pass-2")
                .permanent(true));

        JsonNode result = nodeFor(pool, client, "device", "dana", "Browser-Pass-2");

        assertThat(result.path("error").isMissingNode()).as(result.toString()).isTrue();
        String deviceKey = result.path("firstDevice").asText();
        assertThat(deviceKey).startsWith("us-east-1_");
        assertThat(result.path("secondDevice").asText()).isEqualTo(deviceKey);
        assertThat(result.path("listed").get(0).asText()).isEqualTo(deviceKey);
        DeviceType device = cognito.adminGetDevice(r -> r.userPoolId(pool).username("dana").deviceKey(deviceKey))
                .device();
        assertThat(device.deviceLastAuthenticatedDate()).as("the second sign-in went through DEVICE_SRP_AUTH")
                .isNotNull();
        assertThat(device.deviceAttributes()).extracting(a -> a.name() + "=" + a.value())
                .contains("dev:device_remembered_status=remembered");
    }

    @Test
    void amplifyWhenSigningInWithSrpThenWorksWithOnlyTheEndpointSet() throws Exception {
        cognito.adminCreateUser(r -> r.userPoolId(poolId).username("amy").messageAction(MessageActionType.SUPPRESS)
                .temporaryPassword("Temporary-Pass-1").userAttributes(a -> a.name("email").value("amy@example.com")));
        cognito.adminSetUserPassword(r -> r.userPoolId(poolId).username("amy").password("Amplify-Pass-1")
                .permanent(true));

        JsonNode result = script("amplify.mjs", poolId, clientId, "amy", "Amplify-Pass-1");

        assertThat(result.path("error").isMissingNode()).as(result.toString()).isTrue();
        assertThat(result.path("wrongPassword").asText()).isEqualTo("NotAuthorizedException");
        assertThat(result.path("signedIn").asBoolean()).isTrue();
        assertThat(result.path("nextStep").asText()).isEqualTo("DONE");
        assertThat(result.path("username").asText()).isEqualTo("amy");
        assertThat(result.path("email").asText()).isEqualTo("amy@example.com");
        assertThat(result.path("idTokenUse").asText()).isEqualTo("id");
        assertThat(result.path("refreshedNewToken").asBoolean()).as("refreshed through GetTokensFromRefreshToken")
                .isTrue();
    }
}
