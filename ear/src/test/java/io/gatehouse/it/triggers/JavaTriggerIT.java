package io.gatehouse.it.triggers;

import io.gatehouse.api.testing.ProviderJarBuilder;
import io.gatehouse.api.trigger.TriggerProviderFactory;
import io.gatehouse.it.Gatehouse;
import io.gatehouse.it.support.ProviderInstaller;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.SignUpResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UnexpectedLambdaException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserLambdaValidationException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.gatehouse.it.support.ProviderInstaller.awaitReadiness;
import static io.gatehouse.it.support.ProviderInstaller.providers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * PreSignUp on the Java runtime: a trigger provider jar built here against gatehouse-api alone, as a third party
 * builds one, installed on the running server with the provider install script, and named by a pool as
 * {@code java:<id>}. The typed event it gets, its answer applied, its refusal, a slow or broken provider, and the
 * pool's LambdaConfig checked against the triggers it implements.
 */
class JavaTriggerIT {

    private static final String ID = "it-java-trigger";
    private static final String JAR = "gatehouse-it-java-trigger.jar";

    private static CognitoIdentityProviderClient cognito;
    private String poolId;
    private String clientId;

    @BeforeAll
    static void install() throws Exception {
        cognito = Gatehouse.adminClient();
        Path jar = new ProviderJarBuilder()
                .source("com.example.ittrigger.ItTriggerFactory", FACTORY)
                .source("com.example.ittrigger.ItTrigger", PROVIDER)
                .service(TriggerProviderFactory.class, "com.example.ittrigger.ItTriggerFactory")
                .build(Files.createTempDirectory("java-trigger").resolve(JAR));
        ProviderInstaller.install(jar);
        awaitReadiness(r -> providers(r).path("trigger/" + ID).asText().startsWith("loaded")
                && "UP".equals(r.path("status").asText()));
    }

    @AfterAll
    static void uninstall() throws Exception {
        try {
            ProviderInstaller.remove(List.of(JAR));
            awaitReadiness(r -> providers(r).isObject() && !providers(r).has("trigger/" + ID)
                    && "UP".equals(r.path("status").asText()));
        } finally {
            cognito.close();
        }
    }

    @BeforeEach
    void pool() {
        poolId = cognito.createUserPool(r -> r.poolName("java-pre-sign-up")
                .lambdaConfig(l -> l.preSignUp("java:" + ID))).userPool().id();
        clientId = cognito.createUserPoolClient(r -> r.userPoolId(poolId).clientName("app")).userPoolClient()
                .clientId();
    }

    /** Signs up with {@code mode} in ClientMetadata, which tells the test provider what to do. */
    private SignUpResponse signUp(String username, String mode) {
        return cognito.signUp(r -> r.clientId(clientId).username(username).password("Sign-Up-Pass-1")
                .userAttributes(AttributeType.builder().name("email").value(username + "@corp.example").build())
                .validationData(AttributeType.builder().name("invite").value("abc").build())
                .clientMetadata(Map.of("mode", mode)));
    }

    private void assertNoUser(String username) {
        assertThatThrownBy(() -> cognito.adminGetUser(r -> r.userPoolId(poolId).username(username)))
                .isInstanceOf(UserNotFoundException.class);
    }

    @Test
    void signUpThenTheProviderGetsCognitosEventTyped() {
        // The provider refuses with a message that describes the event it got: the only way out of the server.
        assertThatThrownBy(() -> signUp("amy", "echo")).isInstanceOf(UserLambdaValidationException.class)
                .hasMessageStartingWith("PreSignUp failed with error version=1 source=PreSignUp_SignUp region="
                        + Gatehouse.REGION.id() + " pool=" + poolId + " user=amy client=" + clientId
                        + " email=amy@corp.example invite=abc mode=echo.");
        assertNoUser("amy");
    }

    @Test
    void signUpWhenTheProviderConfirmsThenConfirmedAndVerifiedWithoutACode() {
        SignUpResponse signedUp = signUp("ben", "confirm");

        assertThat(signedUp.userConfirmed()).isTrue();
        assertThat(signedUp.codeDeliveryDetails()).isNull();
        var user = cognito.adminGetUser(r -> r.userPoolId(poolId).username("ben"));
        assertThat(user.userStatusAsString()).isEqualTo("CONFIRMED");
        assertThat(user.userAttributes()).contains(AttributeType.builder().name("email_verified").value("true")
                .build());
    }

    @Test
    void signUpWhenTheProviderAnswersNothingThenTheUsualUnconfirmedUser() {
        SignUpResponse signedUp = signUp("cat", "none");

        assertThat(signedUp.userConfirmed()).isFalse();
        assertThat(cognito.adminGetUser(r -> r.userPoolId(poolId).username("cat")).userStatusAsString())
                .isEqualTo("UNCONFIRMED");
    }

    @Test
    void signUpWhenTheProviderThrowsTriggerExceptionThenUserLambdaValidationAndNoUser() {
        assertThatThrownBy(() -> signUp("dan", "refuse")).isInstanceOf(UserLambdaValidationException.class)
                .hasMessageStartingWith("PreSignUp failed with error No sign-ups today.");
        assertNoUser("dan");
    }

    @Test
    void signUpWhenTheProviderIsTooSlowOrBreaksThenUnexpectedLambdaAndNoUser() {
        assertThatThrownBy(() -> signUp("eve", "slow")).isInstanceOf(UnexpectedLambdaException.class);
        assertThatThrownBy(() -> signUp("eve", "crash")).isInstanceOf(UnexpectedLambdaException.class);
        assertNoUser("eve");
    }

    @Test
    void lambdaConfigWhenTheProviderDoesNotImplementTheTriggerThenRefusedNamingIt() {
        assertThatThrownBy(() -> cognito.updateUserPool(r -> r.userPoolId(poolId).lambdaConfig(l -> l
                .preSignUp("java:" + ID).postConfirmation("java:" + ID))))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("LambdaConfig.PostConfirmation").hasMessageContaining("java:" + ID);
        assertThatThrownBy(() -> cognito.createUserPool(r -> r.poolName("java-wrong-trigger")
                .lambdaConfig(l -> l.preTokenGeneration("java:" + ID))))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("LambdaConfig.PreTokenGeneration");
        assertThat(cognito.describeUserPool(r -> r.userPoolId(poolId)).userPool().lambdaConfig().preSignUp())
                .isEqualTo("java:" + ID);
    }

    private static final String FACTORY = """
            package com.example.ittrigger;

            import io.gatehouse.api.provider.ProviderConfig;
            import io.gatehouse.api.provider.ProviderContext;
            import io.gatehouse.api.trigger.TriggerProvider;
            import io.gatehouse.api.trigger.TriggerProviderFactory;

            public class ItTriggerFactory implements TriggerProviderFactory {
                public String id() { return "%s"; }
                public void init(ProviderConfig config) { }
                public TriggerProvider create(ProviderContext context) { return new ItTrigger(); }
            }
            """.formatted(ID);

    /** PreSignUp only; ClientMetadata's {@code mode} says what it does. */
    private static final String PROVIDER = """
            package com.example.ittrigger;

            import io.gatehouse.api.trigger.*;
            import java.util.Set;

            public class ItTrigger implements TriggerProvider {
                public Set<TriggerKind> triggers() { return Set.of(TriggerKind.PRE_SIGN_UP); }

                public PreSignUpResponse preSignUp(PreSignUpEvent event) throws TriggerException {
                    String mode = event.clientMetadata().getOrDefault("mode", "none");
                    switch (mode) {
                        case "confirm":
                            return new PreSignUpResponse(true, true, false);
                        case "refuse":
                            throw new TriggerException("No sign-ups today");
                        case "slow":
                            try { Thread.sleep(3_000); } catch (InterruptedException e) { }
                            return new PreSignUpResponse(true, false, false);
                        case "crash":
                            throw new IllegalStateException("a bug in the trigger");
                        case "echo":
                            TriggerContext c = event.context();
                            throw new TriggerException("version=" + c.version() + " source=" + c.triggerSource()
                                    + " region=" + c.region() + " pool=" + c.userPoolId() + " user=" + c.userName()
                                    + " client=" + c.callerContext().clientId()
                                    + " email=" + event.userAttributes().get("email")
                                    + " invite=" + event.validationData().get("invite") + " mode=" + mode);
                        default:
                            return PreSignUpResponse.NONE;
                    }
                }
            }
            """;
}
