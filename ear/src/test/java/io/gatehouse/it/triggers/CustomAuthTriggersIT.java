package io.gatehouse.it.triggers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jwt.SignedJWT;
import io.gatehouse.api.testing.CognitoSrpClient;
import io.gatehouse.it.Gatehouse;
import io.gatehouse.it.support.TriggerStandIn;
import io.gatehouse.it.support.TriggerStandIn.Answer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminInitiateAuthResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ChallengeNameType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidLambdaResponseException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.RespondToAuthChallengeResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UnexpectedLambdaException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserLambdaValidationException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolMfaType;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Custom sign-ins (CUSTOM_AUTH) through the AWS SDK, with the stand-in playing DefineAuthChallenge,
 * CreateAuthChallenge and VerifyAuthChallengeResponse as webhooks: a code by webhook, two challenges in a row, a
 * wrong answer and then the right one, a failed sign-in, the password proven with SRP inside the flow, a user who
 * does not exist, the admin calls, each event's JSON as Cognito's, and the triggers' errors as Cognito reports them.
 */
class CustomAuthTriggersIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "Custom-Auth-Pass-1";
    private static final String CODE = "424242";

    private static CognitoIdentityProviderClient cognito;
    private static TriggerStandIn standIn;
    private String poolId;
    private String clientId;
    private String username;

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
        poolId = cognito.createUserPool(r -> r.poolName("custom-auth").lambdaConfig(l -> l
                .defineAuthChallenge(standIn.url("/define")).createAuthChallenge(standIn.url("/create"))
                .verifyAuthChallengeResponse(standIn.url("/verify")))).userPool().id();
        clientId = client(poolId, "ENABLED");
        username = user(poolId);
        // A code sent by the webhook: the answer is kept private, the app sees a hint.
        standIn.on("/create", event -> respond(event, Map.of(
                "publicChallengeParameters", Map.of("hint", "code sent to your phone"),
                "privateChallengeParameters", Map.of("code", CODE),
                "challengeMetadata", "OTP-" + event.path("request").path("session").size())));
        standIn.on("/verify", event -> respond(event, Map.of("answerCorrect", event.path("request")
                .path("challengeAnswer").asText().equals(event.path("request").path("privateChallengeParameters")
                        .path("code").asText()))));
    }

    private static String client(String pool, String preventExistenceErrors) {
        return cognito.createUserPoolClient(r -> r.userPoolId(pool).clientName("app")
                .preventUserExistenceErrors(preventExistenceErrors)
                .explicitAuthFlows(ExplicitAuthFlowsType.ALLOW_CUSTOM_AUTH, ExplicitAuthFlowsType.ALLOW_USER_SRP_AUTH,
                        ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH)).userPoolClient().clientId();
    }

    private static String user(String pool) {
        String name = "ca-" + UUID.randomUUID().toString().substring(0, 8);
        cognito.adminCreateUser(r -> r.userPoolId(pool).username(name).messageAction(MessageActionType.SUPPRESS)
                .userAttributes(AttributeType.builder().name("email").value(name + "@example.com").build(),
                        AttributeType.builder().name("email_verified").value("true").build()));
        cognito.adminSetUserPassword(r -> r.userPoolId(pool).username(name).password(PASSWORD).permanent(true));
        return name;
    }

    private static Answer respond(JsonNode event, Map<String, ?> response) {
        return Answer.respond(event, JSON.valueToTree(response));
    }

    /** DefineAuthChallenge deciding on the session array alone. */
    private static void define(Function<JsonNode, Map<String, ?>> decide) {
        standIn.on("/define", event -> respond(event, decide.apply(event.path("request").path("session"))));
    }

    private static Map<String, ?> challenge(String name) {
        return Map.of("challengeName", name, "issueTokens", false, "failAuthentication", false);
    }

    private static Map<String, ?> tokens() {
        return Map.of("issueTokens", true, "failAuthentication", false);
    }

    private static Map<String, ?> fail() {
        return Map.of("issueTokens", false, "failAuthentication", true);
    }

    private static boolean passed(JsonNode step, String name) {
        return step.path("challengeName").asText().equals(name) && step.path("challengeResult").asBoolean();
    }

    /** One code, one chance: the passwordless sign-in of the AWS guide. */
    private static Map<String, ?> oneCode(JsonNode session) {
        if (session.isEmpty()) {
            return challenge("CUSTOM_CHALLENGE");
        }
        return session.size() == 1 && passed(session.get(0), "CUSTOM_CHALLENGE") ? tokens() : fail();
    }

    private InitiateAuthResponse initiate(String name) {
        return cognito.initiateAuth(r -> r.clientId(clientId).authFlow(AuthFlowType.CUSTOM_AUTH)
                .authParameters(Map.of("USERNAME", name)).clientMetadata(Map.of("ignored", "initiate")));
    }

    private RespondToAuthChallengeResponse answer(String session, String name, String answer) {
        return cognito.respondToAuthChallenge(r -> r.clientId(clientId).challengeName(ChallengeNameType.CUSTOM_CHALLENGE)
                .session(session).challengeResponses(Map.of("USERNAME", name, "ANSWER", answer))
                .clientMetadata(Map.of("device", "phone")));
    }

    private static String tokenUser(String idToken) throws Exception {
        return SignedJWT.parse(idToken).getJWTClaimsSet().getStringClaim("cognito:username");
    }

    @Test
    void customAuthWhenTheWebhookCodeIsRightThenTokensAndEachEventIsCognitos() throws Exception {
        define(CustomAuthTriggersIT::oneCode);

        InitiateAuthResponse challenged = initiate(username);

        assertThat(challenged.challengeName()).isEqualTo(ChallengeNameType.CUSTOM_CHALLENGE);
        assertThat(challenged.session()).isNotBlank();
        assertThat(challenged.challengeParameters()).containsEntry("hint", "code sent to your phone")
                .containsEntry("USERNAME", username).doesNotContainKey("code").doesNotContainValue(CODE);
        assertThat(challenged.authenticationResult()).isNull();
        RespondToAuthChallengeResponse done = answer(challenged.session(), username, CODE);
        assertThat(done.authenticationResult().refreshToken()).isNotBlank();
        assertThat(tokenUser(done.authenticationResult().idToken())).isEqualTo(username);

        List<JsonNode> defines = standIn.events("DefineAuthChallenge_Authentication");
        assertThat(defines).hasSize(2);
        JsonNode first = defines.get(0);
        assertThat(first.path("version").asText()).isEqualTo("1");
        assertThat(first.path("userPoolId").asText()).isEqualTo(poolId);
        assertThat(first.path("userName").asText()).isEqualTo(username);
        assertThat(first.path("region").asText()).isEqualTo(poolId.substring(0, poolId.indexOf('_')));
        assertThat(first.path("callerContext").path("clientId").asText()).isEqualTo(clientId);
        assertThat(first.path("callerContext").has("awsSdkVersion")).isTrue();
        JsonNode request = first.path("request");
        assertThat(request.path("userAttributes").path("email").asText()).isEqualTo(username + "@example.com");
        assertThat(request.path("userAttributes").path("sub").asText()).matches("[0-9a-f-]{36}");
        assertThat(request.path("userAttributes").path("cognito:user_status").asText()).isEqualTo("CONFIRMED");
        assertThat(request.path("session").isArray()).isTrue();
        assertThat(request.path("session")).isEmpty();
        assertThat(request.path("userNotFound").asBoolean()).isFalse();
        assertThat(request.has("clientMetadata")).as("InitiateAuth's ClientMetadata is not the challenge triggers'")
                .isFalse();
        assertThat(first.path("response").isObject()).isTrue();

        JsonNode create = standIn.events("CreateAuthChallenge_Authentication").get(0).path("request");
        assertThat(create.path("challengeName").asText()).isEqualTo("CUSTOM_CHALLENGE");
        assertThat(create.path("session")).isEmpty();
        assertThat(create.path("userAttributes").path("email").asText()).isEqualTo(username + "@example.com");
        assertThat(create.path("userNotFound").asBoolean()).isFalse();

        JsonNode verify = standIn.events("VerifyAuthChallengeResponse_Authentication").get(0).path("request");
        assertThat(verify.path("privateChallengeParameters").path("code").asText()).isEqualTo(CODE);
        assertThat(verify.path("challengeAnswer").asText()).isEqualTo(CODE);
        assertThat(verify.path("clientMetadata").path("device").asText()).isEqualTo("phone");
        assertThat(verify.path("userNotFound").asBoolean()).isFalse();

        JsonNode second = defines.get(1).path("request");
        assertThat(second.path("session")).hasSize(1);
        assertThat(second.path("session").get(0).path("challengeName").asText()).isEqualTo("CUSTOM_CHALLENGE");
        assertThat(second.path("session").get(0).path("challengeResult").asBoolean()).isTrue();
        assertThat(second.path("session").get(0).path("challengeMetadata").asText()).isEqualTo("OTP-0");
        assertThat(second.path("clientMetadata").path("device").asText()).isEqualTo("phone");
        assertThat(standIn.refusedSignatures()).isZero();
    }

    @Test
    void customAuthWhenTwoChallengesInARowThenBothAnsweredBeforeTokens() throws Exception {
        define(session -> switch (session.size()) {
            case 0 -> challenge("CUSTOM_CHALLENGE");
            case 1 -> passed(session.get(0), "CUSTOM_CHALLENGE") ? challenge("CUSTOM_CHALLENGE") : fail();
            default -> passed(session.get(1), "CUSTOM_CHALLENGE") ? tokens() : fail();
        });
        standIn.on("/create", event -> {
            boolean second = event.path("request").path("session").size() == 1;
            return respond(event, Map.of(
                    "publicChallengeParameters", Map.of("question", second ? "Your pet's name?" : "Your code?"),
                    "privateChallengeParameters", Map.of("code", second ? "Rex" : CODE),
                    "challengeMetadata", second ? "PET" : "OTP"));
        });

        InitiateAuthResponse first = initiate(username);
        assertThat(first.challengeParameters()).containsEntry("question", "Your code?");
        RespondToAuthChallengeResponse next = answer(first.session(), username, CODE);
        assertThat(next.challengeName()).isEqualTo(ChallengeNameType.CUSTOM_CHALLENGE);
        assertThat(next.challengeParameters()).containsEntry("question", "Your pet's name?");
        assertThat(next.session()).isNotEqualTo(first.session());
        assertThat(next.authenticationResult()).isNull();
        RespondToAuthChallengeResponse done = answer(next.session(), username, "Rex");

        assertThat(tokenUser(done.authenticationResult().idToken())).isEqualTo(username);
        JsonNode last = standIn.events("DefineAuthChallenge_Authentication").get(2).path("request").path("session");
        assertThat(last).hasSize(2);
        assertThat(last.get(0).path("challengeMetadata").asText()).isEqualTo("OTP");
        assertThat(last.get(1).path("challengeMetadata").asText()).isEqualTo("PET");
    }

    @Test
    void customAuthWhenAWrongAnswerThenANewChallengeAndTheRightOneSignsIn() throws Exception {
        define(session -> {
            if (session.isEmpty()) {
                return challenge("CUSTOM_CHALLENGE");
            }
            if (passed(session.get(session.size() - 1), "CUSTOM_CHALLENGE")) {
                return tokens();
            }
            return session.size() < 3 ? challenge("CUSTOM_CHALLENGE") : fail();
        });

        InitiateAuthResponse first = initiate(username);
        RespondToAuthChallengeResponse retry = answer(first.session(), username, "000000");
        assertThat(retry.challengeName()).isEqualTo(ChallengeNameType.CUSTOM_CHALLENGE);
        assertThat(retry.session()).isNotEqualTo(first.session());
        assertThatThrownBy(() -> answer(first.session(), username, CODE)).as("a session answers once")
                .isInstanceOf(NotAuthorizedException.class);
        RespondToAuthChallengeResponse done = answer(retry.session(), username, CODE);

        assertThat(done.authenticationResult().accessToken()).isNotBlank();
        JsonNode last = standIn.events("DefineAuthChallenge_Authentication").get(2).path("request").path("session");
        assertThat(last).hasSize(2);
        assertThat(last.get(0).path("challengeResult").asBoolean()).isFalse();
        assertThat(last.get(1).path("challengeResult").asBoolean()).isTrue();
    }

    @Test
    void customAuthWhenPreAuthenticationRefusesThenNoChallengeAndItSawInitiatesClientMetadata() {
        define(CustomAuthTriggersIT::oneCode);
        standIn.on("/pre-auth", event -> Answer.error("Custom sign-ins are closed"));
        cognito.updateUserPool(r -> r.userPoolId(poolId).lambdaConfig(l -> l
                .defineAuthChallenge(standIn.url("/define")).createAuthChallenge(standIn.url("/create"))
                .verifyAuthChallengeResponse(standIn.url("/verify")).preAuthentication(standIn.url("/pre-auth"))));

        assertThatThrownBy(() -> initiate(username)).isInstanceOf(UserLambdaValidationException.class)
                .hasMessageContaining("PreAuthentication failed with error Custom sign-ins are closed.");

        JsonNode event = standIn.events("PreAuthentication_Authentication").get(0);
        assertThat(event.path("request").path("validationData").path("ignored").asText()).isEqualTo("initiate");
        assertThat(standIn.events("DefineAuthChallenge_Authentication")).isEmpty();
    }

    @Test
    void customAuthWhenDefineFailsTheSignInThenNotAuthorizedInCognitosWords() {
        define(CustomAuthTriggersIT::oneCode);

        InitiateAuthResponse first = initiate(username);

        assertThatThrownBy(() -> answer(first.session(), username, "000000"))
                .isInstanceOf(NotAuthorizedException.class).hasMessageContaining("Incorrect username or password.");
        define(session -> fail());
        assertThatThrownBy(() -> initiate(username)).isInstanceOf(NotAuthorizedException.class)
                .hasMessageContaining("Incorrect username or password.");
    }

    @Test
    void customAuthWithSrpWhenPasswordThenCodeThenTokensWithTheStepsRecorded() throws Exception {
        // The AWS guide's DefineAuthChallenge: SRP_A, then PASSWORD_VERIFIER, then a custom challenge.
        define(session -> {
            if (session.size() == 1 && session.get(0).path("challengeName").asText().equals("SRP_A")) {
                return challenge("PASSWORD_VERIFIER");
            }
            if (session.size() == 2 && passed(session.get(1), "PASSWORD_VERIFIER")) {
                return challenge("CUSTOM_CHALLENGE");
            }
            return session.size() == 3 && passed(session.get(2), "CUSTOM_CHALLENGE") ? tokens() : fail();
        });
        CognitoSrpClient srp = CognitoSrpClient.forPool(poolId);

        InitiateAuthResponse verifier = cognito.initiateAuth(r -> r.clientId(clientId)
                .authFlow(AuthFlowType.CUSTOM_AUTH).authParameters(Map.of("USERNAME", username,
                        "CHALLENGE_NAME", "SRP_A", "SRP_A", srp.srpA())));
        assertThat(verifier.challengeName()).isEqualTo(ChallengeNameType.PASSWORD_VERIFIER);
        assertThat(verifier.challengeParameters()).containsKeys("SALT", "SRP_B", "SECRET_BLOCK", "USER_ID_FOR_SRP");
        RespondToAuthChallengeResponse custom = cognito.respondToAuthChallenge(r -> r.clientId(clientId)
                .challengeName(ChallengeNameType.PASSWORD_VERIFIER).session(verifier.session())
                .challengeResponses(answerOf(srp, verifier, PASSWORD)));
        assertThat(custom.challengeName()).isEqualTo(ChallengeNameType.CUSTOM_CHALLENGE);
        RespondToAuthChallengeResponse done = answer(custom.session(), username, CODE);

        assertThat(tokenUser(done.authenticationResult().idToken())).isEqualTo(username);
        List<JsonNode> defines = standIn.events("DefineAuthChallenge_Authentication");
        JsonNode first = defines.get(0).path("request").path("session");
        assertThat(first).hasSize(1);
        assertThat(first.get(0).path("challengeName").asText()).isEqualTo("SRP_A");
        assertThat(first.get(0).path("challengeResult").asBoolean()).isTrue();
        JsonNode last = defines.get(2).path("request").path("session");
        assertThat(last).extracting(s -> s.path("challengeName").asText())
                .containsExactly("SRP_A", "PASSWORD_VERIFIER", "CUSTOM_CHALLENGE");
        assertThat(standIn.events("CreateAuthChallenge_Authentication").get(0).path("request").path("session"))
                .hasSize(2);
    }

    @Test
    void customAuthWithSrpWhenPasswordWrongThenDefineSeesTheFailedStepAndDecides() throws Exception {
        define(session -> {
            if (session.size() == 1) {
                return challenge("PASSWORD_VERIFIER");
            }
            return session.size() == 2 && passed(session.get(1), "PASSWORD_VERIFIER")
                    ? challenge("CUSTOM_CHALLENGE") : fail();
        });
        CognitoSrpClient srp = CognitoSrpClient.forPool(poolId);
        InitiateAuthResponse verifier = cognito.initiateAuth(r -> r.clientId(clientId)
                .authFlow(AuthFlowType.CUSTOM_AUTH).authParameters(Map.of("USERNAME", username,
                        "CHALLENGE_NAME", "SRP_A", "SRP_A", srp.srpA())));

        assertThatThrownBy(() -> cognito.respondToAuthChallenge(r -> r.clientId(clientId)
                .challengeName(ChallengeNameType.PASSWORD_VERIFIER).session(verifier.session())
                .challengeResponses(answerOf(srp, verifier, "Not-The-Password-1"))))
                .isInstanceOf(NotAuthorizedException.class).hasMessageContaining("Incorrect username or password.");
        JsonNode last = standIn.events("DefineAuthChallenge_Authentication").get(1).path("request").path("session");
        assertThat(last.get(1).path("challengeName").asText()).isEqualTo("PASSWORD_VERIFIER");
        assertThat(last.get(1).path("challengeResult").asBoolean()).isFalse();
    }

    private static Map<String, String> answerOf(CognitoSrpClient srp, InitiateAuthResponse verifier, String password) {
        try {
            return srp.answer(verifier.challengeParameters(), password, Instant.now());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void customAuthWhenThePoolRequiresMfaThenOnlyASignInThatProvedThePasswordGoesOnToIt() throws Exception {
        cognito.setUserPoolMfaConfig(r -> r.userPoolId(poolId).mfaConfiguration(UserPoolMfaType.ON)
                .softwareTokenMfaConfiguration(t -> t.enabled(true)));
        define(session -> {
            if (session.size() == 1 && session.get(0).path("challengeName").asText().equals("SRP_A")) {
                return challenge("PASSWORD_VERIFIER");
            }
            JsonNode last = session.isEmpty() ? null : session.get(session.size() - 1);
            if (last == null || passed(last, "PASSWORD_VERIFIER")) {
                return challenge("CUSTOM_CHALLENGE");
            }
            return passed(last, "CUSTOM_CHALLENGE") ? tokens() : fail();
        });

        InitiateAuthResponse passwordless = initiate(username);
        assertThat(answer(passwordless.session(), username, CODE).authenticationResult())
                .as("Cognito's MFA hangs on PASSWORD_VERIFIER").isNotNull();

        CognitoSrpClient srp = CognitoSrpClient.forPool(poolId);
        InitiateAuthResponse verifier = cognito.initiateAuth(r -> r.clientId(clientId)
                .authFlow(AuthFlowType.CUSTOM_AUTH).authParameters(Map.of("USERNAME", username,
                        "CHALLENGE_NAME", "SRP_A", "SRP_A", srp.srpA())));
        RespondToAuthChallengeResponse custom = cognito.respondToAuthChallenge(r -> r.clientId(clientId)
                .challengeName(ChallengeNameType.PASSWORD_VERIFIER).session(verifier.session())
                .challengeResponses(answerOf(srp, verifier, PASSWORD)));
        RespondToAuthChallengeResponse secondFactor = answer(custom.session(), username, CODE);
        assertThat(secondFactor.challengeName()).isEqualTo(ChallengeNameType.MFA_SETUP);
        assertThat(secondFactor.authenticationResult()).isNull();
    }

    @Test
    void customAuthWhenTheTriggersNeverEndItThenTheSignInFailsAfterTheStepLimit() {
        define(session -> challenge("CUSTOM_CHALLENGE"));

        String session = initiate(username).session();
        int answered = 0;
        Throwable failure = null;
        while (failure == null && answered < 20) {
            try {
                session = answer(session, username, "000000").session();
                answered++;
            } catch (NotAuthorizedException e) {
                failure = e;
            }
        }

        assertThat(failure).isInstanceOf(NotAuthorizedException.class)
                .hasMessageContaining("Incorrect username or password.");
        assertThat(answered).as("gatehouse.custom-auth.max-steps, 10 by default").isEqualTo(10);
    }

    @Test
    void customAuthWhenDefineAsksForThePasswordWithoutSrpAThenInvalidLambdaResponse() {
        define(session -> challenge("PASSWORD_VERIFIER"));
        assertThatThrownBy(() -> initiate(username)).isInstanceOf(InvalidLambdaResponseException.class);
        define(session -> challenge("SMS_MFA"));
        assertThatThrownBy(() -> initiate(username)).isInstanceOf(InvalidLambdaResponseException.class);
        define(session -> Map.of());
        assertThatThrownBy(() -> initiate(username)).isInstanceOf(InvalidLambdaResponseException.class);
    }

    @Test
    void customAuthWhenUserUnknownAndExistenceErrorsPreventedThenTheTriggersRunAndNoTokens() {
        define(CustomAuthTriggersIT::oneCode);
        String ghost = "ghost-" + UUID.randomUUID().toString().substring(0, 8);

        InitiateAuthResponse challenged = initiate(ghost);

        assertThat(challenged.challengeName()).isEqualTo(ChallengeNameType.CUSTOM_CHALLENGE);
        assertThat(challenged.challengeParameters()).containsEntry("USERNAME", ghost).containsKey("hint");
        assertThatThrownBy(() -> answer(challenged.session(), ghost, CODE)).as("even the right answer")
                .isInstanceOf(NotAuthorizedException.class).hasMessageContaining("Incorrect username or password.");
        JsonNode define = standIn.events("DefineAuthChallenge_Authentication").get(0);
        assertThat(define.path("userName").asText()).isEqualTo(ghost);
        assertThat(define.path("request").path("userNotFound").asBoolean()).isTrue();
        assertThat(define.path("request").path("userAttributes")).isEmpty();
        assertThat(standIn.events("CreateAuthChallenge_Authentication").get(0).path("request").path("userNotFound")
                .asBoolean()).isTrue();
        assertThat(standIn.events("VerifyAuthChallengeResponse_Authentication").get(0).path("request")
                .path("userNotFound").asBoolean()).isTrue();

        String legacy = client(poolId, "LEGACY");
        assertThatThrownBy(() -> cognito.initiateAuth(r -> r.clientId(legacy).authFlow(AuthFlowType.CUSTOM_AUTH)
                .authParameters(Map.of("USERNAME", ghost)))).isInstanceOf(UserNotFoundException.class);
    }

    @Test
    void adminCustomAuthWhenTheCodeIsRightThenTokens() throws Exception {
        define(CustomAuthTriggersIT::oneCode);

        AdminInitiateAuthResponse challenged = cognito.adminInitiateAuth(r -> r.userPoolId(poolId).clientId(clientId)
                .authFlow(AuthFlowType.CUSTOM_AUTH).authParameters(Map.of("USERNAME", username)));
        assertThat(challenged.challengeName()).isEqualTo(ChallengeNameType.CUSTOM_CHALLENGE);
        var done = cognito.adminRespondToAuthChallenge(r -> r.userPoolId(poolId).clientId(clientId)
                .challengeName(ChallengeNameType.CUSTOM_CHALLENGE).session(challenged.session())
                .challengeResponses(Map.of("USERNAME", username, "ANSWER", CODE))
                .clientMetadata(Map.of("admin", "yes")));

        assertThat(tokenUser(done.authenticationResult().idToken())).isEqualTo(username);
        assertThat(standIn.events("VerifyAuthChallengeResponse_Authentication").get(0).path("request")
                .path("clientMetadata").path("admin").asText()).isEqualTo("yes");
    }

    @Test
    void customAuthWhenTheClientDoesNotAllowItOrThePoolHasNoDefineTriggerThenRefusedAsCognito() {
        String srpOnly = cognito.createUserPoolClient(r -> r.userPoolId(poolId).clientName("srp-only")
                .explicitAuthFlows(ExplicitAuthFlowsType.ALLOW_USER_SRP_AUTH)).userPoolClient().clientId();
        assertThatThrownBy(() -> cognito.initiateAuth(r -> r.clientId(srpOnly).authFlow(AuthFlowType.CUSTOM_AUTH)
                .authParameters(Map.of("USERNAME", username)))).isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("CUSTOM_AUTH");

        String bare = cognito.createUserPool(r -> r.poolName("no-triggers")).userPool().id();
        String app = client(bare, "ENABLED");
        String someone = user(bare);
        assertThatThrownBy(() -> cognito.initiateAuth(r -> r.clientId(app).authFlow(AuthFlowType.CUSTOM_AUTH)
                .authParameters(Map.of("USERNAME", someone)))).isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("Custom auth lambda trigger is not configured for the user pool.");
    }

    @Test
    void customAuthWhenATriggerFailsThenCognitosErrorForEach() {
        standIn.on("/define", event -> Answer.error("Sign-ins are paused"));
        assertThatThrownBy(() -> initiate(username)).isInstanceOf(UserLambdaValidationException.class)
                .hasMessageStartingWith("DefineAuthChallenge failed with error Sign-ins are paused.");

        define(CustomAuthTriggersIT::oneCode);
        standIn.on("/create", event -> Answer.respond(event, JSON.createObjectNode().put(
                "publicChallengeParameters", "not a map")));
        assertThatThrownBy(() -> initiate(username)).isInstanceOf(InvalidLambdaResponseException.class);

        standIn.on("/create", event -> respond(event, Map.of("privateChallengeParameters", Map.of("code", CODE))));
        InitiateAuthResponse challenged = initiate(username);
        standIn.on("/verify", event -> {
            try {
                Thread.sleep(3_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ObjectNode response = JSON.createObjectNode().put("answerCorrect", true);
            return Answer.respond(event, response);
        });
        assertThatThrownBy(() -> answer(challenged.session(), username, CODE))
                .isInstanceOf(UnexpectedLambdaException.class);
    }
}
