package io.gatehouse.it.triggers;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.crypto.RSADecrypter;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import io.gatehouse.it.Gatehouse;
import io.gatehouse.it.cognito.Mailbox;
import io.gatehouse.it.support.TriggerStandIn;
import io.gatehouse.it.support.TriggerStandIn.Answer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ChallengeNameType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CustomEmailLambdaVersionConfigType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CustomSMSLambdaVersionConfigType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.LambdaConfigType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.SignUpResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.VerifiedAttributeType;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * CustomEmailSender and CustomSMSSender on webhooks: the server sends nothing itself, the sender gets Cognito's V1
 * event after the call has answered, with the code as a JWE for the key in KMSKeyID that the receiver decrypts with
 * its private key (here, as the README tells a receiver to), and a sender that fails does not fail the call.
 */
class CustomSenderTriggersIT {

    private static final String PASSWORD = "Sender-Pass-1";

    @RegisterExtension
    static final GreenMailExtension MAIL = Mailbox.smtpServer();

    private static CognitoIdentityProviderClient cognito;
    private static TriggerStandIn standIn;
    private static RSAKey receiver;
    private String poolId;
    private String clientId;

    @BeforeAll
    static void start() throws Exception {
        cognito = Gatehouse.adminClient();
        standIn = new TriggerStandIn();
        receiver = new RSAKeyGenerator(2048).keyID("it-sender").generate();
    }

    @AfterAll
    static void stop() {
        standIn.close();
        cognito.close();
    }

    private static LambdaConfigType senders() {
        return LambdaConfigType.builder()
                .customEmailSender(CustomEmailLambdaVersionConfigType.builder().lambdaArn(standIn.url("/email"))
                        .lambdaVersion("V1_0").build())
                .customSMSSender(CustomSMSLambdaVersionConfigType.builder().lambdaArn(standIn.url("/sms"))
                        .lambdaVersion("V1_0").build())
                .kmsKeyID(receiver.toPublicJWK().toJSONString()).build();
    }

    @BeforeEach
    void pool() {
        standIn.clear();
        standIn.on("/email", event -> Answer.respond(event, event.path("response")));
        standIn.on("/sms", event -> Answer.respond(event, event.path("response")));
        poolId = cognito.createUserPool(r -> r.poolName("custom-senders").autoVerifiedAttributes(
                VerifiedAttributeType.EMAIL).lambdaConfig(senders())).userPool().id();
        clientId = cognito.createUserPoolClient(r -> r.userPoolId(poolId).clientName("app")
                .explicitAuthFlows(ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH,
                        ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH)).userPoolClient().clientId();
    }

    private static AttributeType attribute(String name, String value) {
        return AttributeType.builder().name(name).value(value).build();
    }

    /** The events of a source, waiting for the first: custom senders are invoked after the call has answered. */
    private static List<JsonNode> await(String source) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (standIn.events(source).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(standIn.events(source)).as(source + " events").isNotEmpty();
        return standIn.events(source);
    }

    /** What a receiver does: parse the JWE, check the pool it names, decrypt with its private key. */
    private String decrypt(JsonNode event) throws Exception {
        JWEObject jwe = JWEObject.parse(event.path("request").path("code").asText());
        assertThat(jwe.getHeader().getAlgorithm()).isEqualTo(JWEAlgorithm.RSA_OAEP_256);
        assertThat(jwe.getHeader().getKeyID()).isEqualTo("it-sender");
        assertThat(jwe.getHeader().getCustomParam("userpool-id")).isEqualTo(poolId);
        jwe.decrypt(new RSADecrypter(receiver));
        return jwe.getPayload().toString();
    }

    @Test
    void signUpThenNoMailAndTheEmailSenderGetsTheEncryptedCodeThatConfirms() throws Exception {
        SignUpResponse signedUp = cognito.signUp(r -> r.clientId(clientId).username("amy").password(PASSWORD)
                .userAttributes(attribute("email", "amy@corp.example")).clientMetadata(Map.of("app", "web")));

        assertThat(signedUp.codeDeliveryDetails().deliveryMediumAsString()).isEqualTo("EMAIL");
        JsonNode event = await("CustomEmailSender_SignUp").get(0);
        assertThat(event.path("version").asText()).isEqualTo("1");
        assertThat(event.path("userName").asText()).isEqualTo("amy");
        assertThat(event.path("callerContext").path("clientId").asText()).isEqualTo(clientId);
        JsonNode request = event.path("request");
        assertThat(request.path("type").asText()).isEqualTo("customEmailSenderRequestV1");
        assertThat(request.path("userAttributes").path("email").asText()).isEqualTo("amy@corp.example");
        assertThat(request.path("clientMetadata").path("app").asText()).isEqualTo("web");
        String code = decrypt(event);
        assertThat(code).matches("\\d{6}");
        assertThat(event.toString()).doesNotContain(code);
        assertThat(MAIL.getReceivedMessages()).isEmpty();
        assertThat(standIn.refusedSignatures()).isZero();

        cognito.confirmSignUp(r -> r.clientId(clientId).username("amy").confirmationCode(code));
        assertThat(cognito.adminGetUser(r -> r.userPoolId(poolId).username("amy")).userStatusAsString())
                .isEqualTo("CONFIRMED");
    }

    @Test
    void adminCreateUserBySmsThenTheSmsSenderGetsTheTemporaryPasswordEncrypted() throws Exception {
        String phone = "+1555" + (1_000_000 + new java.util.Random().nextInt(8_999_999));
        cognito.adminCreateUser(r -> r.userPoolId(poolId).username("ben").temporaryPassword("Temp-Pass-42!")
                .userAttributes(attribute("phone_number", phone)));

        JsonNode event = await("CustomSMSSender_AdminCreateUser").get(0);
        assertThat(event.path("request").path("type").asText()).isEqualTo("customSMSSenderRequestV1");
        assertThat(event.path("request").path("userAttributes").path("phone_number").asText()).isEqualTo(phone);
        assertThat(decrypt(event)).isEqualTo("Temp-Pass-42!");
        assertThat(MessageTriggersIT.textsTo(phone)).isEmpty();
        assertThat(cognito.initiateAuth(r -> r.clientId(clientId).authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", "ben", "PASSWORD", "Temp-Pass-42!"))).challengeName())
                .isEqualTo(ChallengeNameType.NEW_PASSWORD_REQUIRED);
    }

    @Test
    void forgotPasswordWhenTheSenderFailsThenTheCallStillAnswersAndTheFailureIsTheSendersOwn() throws Exception {
        cognito.adminCreateUser(r -> r.userPoolId(poolId).username("cat").messageAction("SUPPRESS")
                .userAttributes(attribute("email", "cat@corp.example"), attribute("email_verified", "true")));
        cognito.adminSetUserPassword(r -> r.userPoolId(poolId).username("cat").password(PASSWORD).permanent(true));
        standIn.on("/email", event -> Answer.error("mail provider down"));

        var delivery = cognito.forgotPassword(r -> r.clientId(clientId).username("cat")).codeDeliveryDetails();

        assertThat(delivery.deliveryMediumAsString()).isEqualTo("EMAIL");
        JsonNode event = await("CustomEmailSender_ForgotPassword").get(0);
        assertThat(decrypt(event)).matches("\\d{6}");
        assertThat(MAIL.getReceivedMessages()).isEmpty();
    }

    @Test
    void lambdaConfigWhenASenderHasNoUsableKeyThenRefusedNamingKmsKeyId() throws Exception {
        assertThatThrownBy(() -> cognito.updateUserPool(r -> r.userPoolId(poolId).lambdaConfig(senders().toBuilder()
                .kmsKeyID(null).build()))).isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("LambdaConfig.KMSKeyID");
        assertThatThrownBy(() -> cognito.updateUserPool(r -> r.userPoolId(poolId).lambdaConfig(senders().toBuilder()
                .kmsKeyID(receiver.toJSONString()).build()))).isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("private");
        assertThatThrownBy(() -> cognito.updateUserPool(r -> r.userPoolId(poolId).lambdaConfig(senders().toBuilder()
                .kmsKeyID("arn:aws:kms:us-east-1:123456789012:key/unknown").build())))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("LambdaConfig.KMSKeyID");
    }
}
