package io.gatehouse.it.triggers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatehouse.it.Gatehouse;
import io.gatehouse.it.support.LambdaStandIn;
import io.gatehouse.it.support.LambdaStandIn.Answer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidLambdaResponseException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.SignUpResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UnexpectedLambdaException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserLambdaValidationException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.LambdaException;

import java.net.URI;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * PreSignUp on the Lambda runtime: the server invokes an {@code arn:aws:lambda:...} target through Lambda's Invoke
 * API at {@code gatehouse.trigger.lambda.endpoint}, here {@link LambdaStandIn}, which checks every request's SigV4
 * signature. Cognito's event, its answer applied, and each way a function fails as Cognito reports it, with nothing
 * written.
 */
class LambdaTriggerIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FUNCTION = "gatehouse-pre-sign-up";

    private static CognitoIdentityProviderClient cognito;
    private static LambdaStandIn lambda;
    private String poolId;
    private String clientId;

    @BeforeAll
    static void start() throws Exception {
        cognito = Gatehouse.adminClient();
        lambda = new LambdaStandIn();
    }

    @AfterAll
    static void stop() {
        lambda.close();
        cognito.close();
    }

    @BeforeEach
    void pool() {
        lambda.clear();
        lambda.expectSecret(Gatehouse.property("gatehouse.it.trigger.lambda.secret-access-key"));
        poolId = cognito.createUserPool(r -> r.poolName("lambda-pre-sign-up")
                .lambdaConfig(l -> l.preSignUp(LambdaStandIn.arn(FUNCTION)))).userPool().id();
        clientId = cognito.createUserPoolClient(r -> r.userPoolId(poolId).clientName("app")).userPoolClient()
                .clientId();
    }

    private SignUpResponse signUp(String username) {
        return cognito.signUp(r -> r.clientId(clientId).username(username).password("Sign-Up-Pass-1")
                .userAttributes(AttributeType.builder().name("email").value(username + "@corp.example").build())
                .validationData(AttributeType.builder().name("invite").value("abc").build())
                .clientMetadata(Map.of("campaign", "spring")));
    }

    private void assertNoUser(String username) {
        assertThatThrownBy(() -> cognito.adminGetUser(r -> r.userPoolId(poolId).username(username)))
                .isInstanceOf(UserNotFoundException.class);
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void signUpWhenTheFunctionConfirmsThenConfirmedAndTheSignedInvocationCarriedCognitosEvent() {
        lambda.on(FUNCTION, event -> Answer.respond(event, json(
                "{\"autoConfirmUser\":true,\"autoVerifyEmail\":true,\"autoVerifyPhone\":false}")));

        SignUpResponse signedUp = signUp("amy");

        assertThat(signedUp.userConfirmed()).isTrue();
        var user = cognito.adminGetUser(r -> r.userPoolId(poolId).username("amy"));
        assertThat(user.userStatusAsString()).isEqualTo("CONFIRMED");
        assertThat(user.userAttributes()).contains(AttributeType.builder().name("email_verified").value("true")
                .build());
        assertThat(lambda.invoked()).containsExactly(LambdaStandIn.arn(FUNCTION));
        assertThat(lambda.refusedSignatures()).isZero();
        JsonNode event = lambda.events("PreSignUp_SignUp").get(0);
        assertThat(event.path("version").asText()).isEqualTo("1");
        assertThat(event.path("region").asText()).isEqualTo(Gatehouse.REGION.id());
        assertThat(event.path("userPoolId").asText()).isEqualTo(poolId);
        assertThat(event.path("userName").asText()).isEqualTo("amy");
        assertThat(event.path("callerContext").path("clientId").asText()).isEqualTo(clientId);
        assertThat(event.path("callerContext").has("awsSdkVersion")).isTrue();
        assertThat(event.path("request").path("userAttributes").path("email").asText())
                .isEqualTo("amy@corp.example");
        assertThat(event.path("request").path("validationData").path("invite").asText()).isEqualTo("abc");
        assertThat(event.path("request").path("clientMetadata").path("campaign").asText()).isEqualTo("spring");
        assertThat(event.path("response").isObject()).isTrue();
    }

    @Test
    void signUpWhenTheFunctionThrowsThenUserLambdaValidationWithItsMessageAndNoUser() {
        lambda.on(FUNCTION, event -> Answer.error("Sign-ups are closed"));

        assertThatThrownBy(() -> signUp("ben")).isInstanceOf(UserLambdaValidationException.class)
                .hasMessageStartingWith("PreSignUp failed with error Sign-ups are closed.");
        assertNoUser("ben");
    }

    @Test
    void signUpWhenTheFunctionIsTooSlowOrMissingThenUnexpectedLambdaAndNoUser() {
        lambda.on(FUNCTION, event -> {
            try {
                Thread.sleep(3_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Answer.respond(event, json("{\"autoConfirmUser\":true}"));
        });
        assertThatThrownBy(() -> signUp("cat")).isInstanceOf(UnexpectedLambdaException.class);

        cognito.updateUserPool(r -> r.userPoolId(poolId).lambdaConfig(l -> l.preSignUp(
                LambdaStandIn.arn("no-such-function"))));
        assertThatThrownBy(() -> signUp("cat")).isInstanceOf(UnexpectedLambdaException.class);
        assertNoUser("cat");
    }

    @Test
    void signUpWhenTheFunctionAnswersGarbageThenInvalidLambdaResponseAndNoUser() {
        lambda.on(FUNCTION, event -> Answer.payload("this is not the event"));
        assertThatThrownBy(() -> signUp("dan")).isInstanceOf(InvalidLambdaResponseException.class);

        lambda.on(FUNCTION, event -> Answer.respond(event, json("{\"autoConfirmUser\":\"yes\"}")));
        assertThatThrownBy(() -> signUp("dan")).isInstanceOf(InvalidLambdaResponseException.class);
        assertNoUser("dan");
    }

    @Test
    void signUpWhenLambdaDoesNotAcceptTheSignatureThenTheFunctionNeverRunsAndUnexpectedLambda() {
        lambda.on(FUNCTION, event -> Answer.respond(event, json("{\"autoConfirmUser\":true}")));
        lambda.expectSecret("a-secret-the-server-does-not-have");

        assertThatThrownBy(() -> signUp("eve")).isInstanceOf(UnexpectedLambdaException.class);

        assertThat(lambda.refusedSignatures()).isPositive();
        assertThat(lambda.events()).isEmpty();
        assertNoUser("eve");
    }

    @Test
    void standInWhenCalledByAwssLambdaClientThenItChecksTheSignatureBothWays() {
        lambda.on(FUNCTION, event -> Answer.payload("{\"echo\":" + event + "}"));
        int port = Integer.parseInt(Gatehouse.property("gatehouse.it.trigger.lambda.port"));
        String key = Gatehouse.property("gatehouse.it.trigger.lambda.access-key-id");
        String secret = Gatehouse.property("gatehouse.it.trigger.lambda.secret-access-key");

        try (LambdaClient right = lambdaClient(port, key, secret);
             LambdaClient wrong = lambdaClient(port, key, secret + "-not")) {
            var answer = right.invoke(r -> r.functionName(LambdaStandIn.arn(FUNCTION) + ":live")
                    .payload(SdkBytes.fromUtf8String("{\"x\":1}")));
            assertThat(json(answer.payload().asUtf8String()).path("echo").path("x").asInt()).isEqualTo(1);

            assertThatThrownBy(() -> wrong.invoke(r -> r.functionName(FUNCTION)
                    .payload(SdkBytes.fromUtf8String("{\"x\":2}"))))
                    .isInstanceOfSatisfying(LambdaException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(403);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidSignatureException");
                    });
        }
        assertThat(lambda.events()).hasSize(1);
    }

    private static LambdaClient lambdaClient(int port, String key, String secret) {
        return LambdaClient.builder().endpointOverride(URI.create("http://127.0.0.1:" + port))
                .region(Gatehouse.REGION)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(key, secret)))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.retryStrategy(r -> r.maxAttempts(1)))
                .build();
    }
}
