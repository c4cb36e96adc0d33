package io.gatehouse.it.triggers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
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
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidLambdaResponseException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.LambdaConfigType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.SignUpResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UnexpectedLambdaException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserLambdaValidationException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.VerifiedAttributeType;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The PreSignUp trigger on a webhook (the stand-in checks each request's signature): Cognito's event, its answer
 * applied, and each way a trigger fails as Cognito reports it, with nothing written.
 */
class PreSignUpTriggerIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final GreenMailExtension MAIL = Mailbox.smtpServer();

    private static CognitoIdentityProviderClient cognito;
    private static TriggerStandIn standIn;
    private String poolId;
    private String clientId;

    @BeforeAll
    static void start() throws Exception {
        cognito = Gatehouse.adminClient();
        standIn = new TriggerStandIn();
    }

    @AfterAll
    static void stop() {
        standIn.close();
        cognito.close();
    }

    @BeforeEach
    void pool() {
        standIn.clear();
        poolId = cognito.createUserPool(r -> r.poolName("pre-sign-up").autoVerifiedAttributes(
                VerifiedAttributeType.EMAIL).lambdaConfig(l -> l.preSignUp(standIn.url("/pre-sign-up"))))
                .userPool().id();
        clientId = cognito.createUserPoolClient(r -> r.userPoolId(poolId).clientName("app")).userPoolClient()
                .clientId();
    }

    private SignUpResponse signUp(String username) {
        return cognito.signUp(r -> r.clientId(clientId).username(username).password("Sign-Up-Pass-1")
                .userAttributes(AttributeType.builder().name("email").value(username + "@corp.example").build())
                .validationData(AttributeType.builder().name("invite").value("abc").build())
                .clientMetadata(Map.of("campaign", "winter")));
    }

    private static JsonNode response(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void signUpWhenTheTriggerConfirmsThenConfirmedVerifiedNoCodeAndTheEventWasCognitos() {
        standIn.on("/pre-sign-up", event -> Answer.respond(event, response(
                "{\"autoConfirmUser\":true,\"autoVerifyEmail\":true,\"autoVerifyPhone\":false}")));

        SignUpResponse signedUp = signUp("amy");

        assertThat(signedUp.userConfirmed()).isTrue();
        assertThat(signedUp.codeDeliveryDetails()).isNull();
        var user = cognito.adminGetUser(r -> r.userPoolId(poolId).username("amy"));
        assertThat(user.userStatusAsString()).isEqualTo("CONFIRMED");
        assertThat(user.userAttributes()).contains(AttributeType.builder().name("email_verified").value("true")
                .build());
        JsonNode event = standIn.events("PreSignUp_SignUp").get(0);
        assertThat(event.path("version").asText()).isEqualTo("1");
        assertThat(event.path("userPoolId").asText()).isEqualTo(poolId);
        assertThat(event.path("userName").asText()).isEqualTo("amy");
        assertThat(event.path("region").asText()).isEqualTo(poolId.substring(0, poolId.indexOf('_')));
        assertThat(event.path("callerContext").path("clientId").asText()).isEqualTo(clientId);
        assertThat(event.path("callerContext").has("awsSdkVersion")).isTrue();
        assertThat(event.path("request").path("userAttributes").path("email").asText())
                .isEqualTo("amy@corp.example");
        assertThat(event.path("request").path("validationData").path("invite").asText()).isEqualTo("abc");
        assertThat(event.path("request").path("clientMetadata").path("campaign").asText()).isEqualTo("winter");
        assertThat(event.path("response").isObject()).isTrue();
        assertThat(standIn.refusedSignatures()).isZero();
    }

    @Test
    void signUpWhenTheTriggerAnswersNothingThenTheUsualCodeFlow() throws Exception {
        standIn.on("/pre-sign-up", event -> Answer.respond(event, response("{}")));

        SignUpResponse signedUp = signUp("ben");

        assertThat(signedUp.userConfirmed()).isFalse();
        assertThat(signedUp.codeDeliveryDetails().destination()).isNotBlank();
        assertThat(Mailbox.lastMailTo(MAIL, "ben@corp.example")).isNotNull();
    }

    @Test
    void signUpWhenTheTriggerRefusesThenUserLambdaValidationInCognitosWordsAndNoUser() {
        standIn.on("/pre-sign-up", event -> Answer.error("Only corp.example staff may sign up"));

        assertThatThrownBy(() -> signUp("cat")).isInstanceOf(UserLambdaValidationException.class)
                .hasMessageStartingWith("PreSignUp failed with error Only corp.example staff may sign up.");
        assertThatThrownBy(() -> cognito.adminGetUser(r -> r.userPoolId(poolId).username("cat")))
                .isInstanceOf(UserNotFoundException.class);
    }

    @Test
    void signUpWhenTheTriggerAnswersGarbageThenInvalidLambdaResponseAndNoUser() {
        standIn.on("/pre-sign-up", event -> new Answer(200, "this is not the event"));
        assertThatThrownBy(() -> signUp("dan")).isInstanceOf(InvalidLambdaResponseException.class);

        standIn.on("/pre-sign-up", event -> Answer.respond(event, response("{\"autoConfirmUser\":\"yes\"}")));
        assertThatThrownBy(() -> signUp("dan")).isInstanceOf(InvalidLambdaResponseException.class);
        assertThatThrownBy(() -> cognito.adminGetUser(r -> r.userPoolId(poolId).username("dan")))
                .isInstanceOf(UserNotFoundException.class);
    }

    @Test
    void signUpWhenTheTriggerIsTooSlowOrUnreachableThenUnexpectedLambdaAndNoUser() {
        standIn.on("/pre-sign-up", event -> {
            try {
                Thread.sleep(3_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Answer.respond(event, response("{\"autoConfirmUser\":true}"));
        });
        assertThatThrownBy(() -> signUp("eve")).isInstanceOf(UnexpectedLambdaException.class);

        cognito.updateUserPool(r -> r.userPoolId(poolId).lambdaConfig(l -> l.preSignUp("http://127.0.0.1:9/down")));
        assertThatThrownBy(() -> signUp("eve")).isInstanceOf(UnexpectedLambdaException.class);
        assertThatThrownBy(() -> cognito.adminGetUser(r -> r.userPoolId(poolId).username("eve")))
                .isInstanceOf(UserNotFoundException.class);
    }

    @Test
    void lambdaConfigWhenATargetCannotBeRunThenRefusedNamingTheMember() {
        assertThatThrownBy(() -> cognito.updateUserPool(r -> r.userPoolId(poolId).lambdaConfig(
                LambdaConfigType.builder().preSignUp("http://hooks.example.com/pre").build())))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("LambdaConfig.PreSignUp");
        assertThatThrownBy(() -> cognito.updateUserPool(r -> r.userPoolId(poolId).lambdaConfig(l -> l
                .postConfirmation("java:no-such-trigger"))))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("java:no-such-trigger");
        assertThatThrownBy(() -> cognito.updateUserPool(r -> r.userPoolId(poolId).lambdaConfig(l -> l
                .userMigration("arn:aws:lambda:us-east-1:12345:function:short-account"))))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("LambdaConfig.UserMigration");
        cognito.updateUserPool(r -> r.userPoolId(poolId).lambdaConfig(l -> l.preSignUp(
                "arn:aws:lambda:us-east-1:123456789012:function:pre-sign-up:live")));
        assertThat(cognito.describeUserPool(r -> r.userPoolId(poolId)).userPool().lambdaConfig().preSignUp())
                .isEqualTo("arn:aws:lambda:us-east-1:123456789012:function:pre-sign-up:live");
    }
}
