package io.gatehouse.it.triggers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.gatehouse.it.Gatehouse;
import io.gatehouse.it.cognito.HostedForm;
import io.gatehouse.it.support.TriggerStandIn;
import io.gatehouse.it.support.TriggerStandIn.Answer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ChallengeNameType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidLambdaResponseException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.OAuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.PreTokenGenerationLambdaVersionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserLambdaValidationException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolClientType;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Pre token generation V1, V2 and V3 on a webhook: each trigger source with Cognito's event, the claims, scopes and
 * groups the trigger changes in the tokens, the claims it cannot change, and its failures.
 */
class PreTokenGenerationTriggerIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "Token-Pass-1";
    private static final String CALLBACK = "http://localhost:3000/cb";
    private static final String ROLE = "arn:aws:iam::123456789012:role/editors";

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
    void clear() {
        standIn.clear();
    }

    private void pool(String version) {
        poolId = cognito.createUserPool(r -> r.poolName("pre-token").lambdaConfig(l -> {
            if (version == null) {
                l.preTokenGeneration(standIn.url("/token"));
            } else {
                l.preTokenGenerationConfig(c -> c.lambdaArn(standIn.url("/token"))
                        .lambdaVersion(PreTokenGenerationLambdaVersionType.fromValue(version)));
            }
        })).userPool().id();
        clientId = cognito.createUserPoolClient(r -> r.userPoolId(poolId).clientName("app").explicitAuthFlows(
                ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH, ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH))
                .userPoolClient().clientId();
        cognito.createGroup(r -> r.userPoolId(poolId).groupName("editors").roleArn(ROLE).precedence(1));
        user("amy");
        cognito.adminAddUserToGroup(r -> r.userPoolId(poolId).username("amy").groupName("editors"));
    }

    private void user(String name) {
        cognito.adminCreateUser(r -> r.userPoolId(poolId).username(name).messageAction(MessageActionType.SUPPRESS)
                .userAttributes(a -> a.name("email").value(name + "@example.com")));
        cognito.adminSetUserPassword(r -> r.userPoolId(poolId).username(name).password(PASSWORD).permanent(true));
    }

    private AuthenticationResultType signIn(String name) {
        return cognito.initiateAuth(r -> r.clientId(clientId).authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", name, "PASSWORD", PASSWORD))).authenticationResult();
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static JWTClaimsSet claims(String jwt) throws Exception {
        return SignedJWT.parse(jwt).getJWTClaimsSet();
    }

    @Test
    void v1WhenTheTriggerChangesClaimsAndGroupsThenTheIdTokenHasThemAndReservedClaimsStay() throws Exception {
        pool(null);
        standIn.on("/token", event -> Answer.respond(event, json("""
                {"claimsOverrideDetails": {
                   "claimsToAddOrOverride": {"tier": "gold", "level": 3, "beta": true, "tags": ["a", "b"],
                     "profile": {"team": "red"}, "sub": "forged", "cognito:username": "root", "aud": "other"},
                   "claimsToSuppress": ["email", "iss"],
                   "groupOverrideDetails": {"groupsToOverride": ["readers"], "iamRolesToOverride": [],
                     "preferredRole": null}}}""")));

        AuthenticationResultType tokens = signIn("amy");

        JWTClaimsSet id = claims(tokens.idToken());
        assertThat(id.getStringClaim("tier")).isEqualTo("gold");
        assertThat(((Number) id.getClaim("level")).intValue()).isEqualTo(3);
        assertThat(id.getBooleanClaim("beta")).isTrue();
        assertThat(id.getStringListClaim("tags")).containsExactly("a", "b");
        assertThat(id.getJSONObjectClaim("profile")).containsEntry("team", "red");
        assertThat(id.getClaim("email")).isNull();
        assertThat(id.getSubject()).matches("[0-9a-f-]{36}");
        assertThat(id.getStringClaim("cognito:username")).isEqualTo("amy");
        assertThat(id.getAudience()).containsExactly(clientId);
        assertThat(id.getIssuer()).endsWith("/" + poolId);
        assertThat(id.getStringListClaim("cognito:groups")).containsExactly("readers");
        assertThat(id.getClaim("cognito:roles")).isNull();
        assertThat(id.getClaim("cognito:preferred_role")).isNull();
        JWTClaimsSet access = claims(tokens.accessToken());
        assertThat(access.getClaim("tier")).as("V1 changes the ID token only").isNull();
        assertThat(access.getStringListClaim("cognito:groups")).containsExactly("readers");
        // The access token still works with Cognito's own APIs.
        assertThat(cognito.getUser(r -> r.accessToken(tokens.accessToken())).username()).isEqualTo("amy");

        JsonNode event = standIn.events("TokenGeneration_Authentication").get(0);
        assertThat(event.path("version").asText()).isEqualTo("1");
        assertThat(event.path("userName").asText()).isEqualTo("amy");
        assertThat(event.path("callerContext").path("clientId").asText()).isEqualTo(clientId);
        JsonNode request = event.path("request");
        assertThat(request.path("userAttributes").path("email").asText()).isEqualTo("amy@example.com");
        assertThat(request.path("userAttributes").path("cognito:user_status").asText()).isEqualTo("CONFIRMED");
        assertThat(request.path("groupConfiguration").path("groupsToOverride").get(0).asText()).isEqualTo("editors");
        assertThat(request.path("groupConfiguration").path("iamRolesToOverride").get(0).asText()).isEqualTo(ROLE);
        assertThat(request.path("groupConfiguration").path("preferredRole").asText()).isEqualTo(ROLE);
        assertThat(request.has("scopes")).as("V1 has no scopes").isFalse();
        assertThat(request.path("clientMetadata").isObject()).isTrue();
    }

    @Test
    void v1WhenTheTriggerEmptiesTheGroupsThenTheTokensHaveNone() throws Exception {
        pool(null);
        standIn.on("/token", event -> Answer.respond(event, json(
                "{\"claimsOverrideDetails\": {\"groupOverrideDetails\": {\"groupsToOverride\": []}}}")));

        AuthenticationResultType tokens = signIn("amy");

        assertThat(claims(tokens.idToken()).getClaim("cognito:groups")).isNull();
        assertThat(claims(tokens.idToken()).getClaim("cognito:preferred_role")).isNull();
        assertThat(claims(tokens.accessToken()).getClaim("cognito:groups")).isNull();
    }

    @Test
    void v2WhenTheTriggerChangesBothTokensAndScopesThenAppliedAndRefreshIsItsOwnSource() throws Exception {
        pool("V2_0");
        standIn.on("/token", event -> Answer.respond(event, json("""
                {"claimsAndScopeOverrideDetails": {
                   "idTokenGeneration": {"claimsToAddOrOverride": {"plan": "pro"}, "claimsToSuppress": ["email"]},
                   "accessTokenGeneration": {"claimsToAddOrOverride": {"tenant": {"id": 42}, "client_id": "x"},
                     "scopesToAdd": ["photos/read"], "scopesToSuppress": []}}}""")));

        AuthenticationResultType tokens = signIn("amy");

        JWTClaimsSet id = claims(tokens.idToken());
        assertThat(id.getStringClaim("plan")).isEqualTo("pro");
        assertThat(id.getClaim("email")).isNull();
        JWTClaimsSet access = claims(tokens.accessToken());
        assertThat(access.getJSONObjectClaim("tenant")).containsEntry("id", 42L);
        assertThat(access.getStringClaim("client_id")).isEqualTo(clientId);
        assertThat(access.getStringClaim("scope")).isEqualTo("aws.cognito.signin.user.admin photos/read");
        JsonNode event = standIn.events("TokenGeneration_Authentication").get(0);
        assertThat(event.path("version").asText()).isEqualTo("2");
        assertThat(event.path("request").path("scopes").get(0).asText()).isEqualTo("aws.cognito.signin.user.admin");

        var refreshed = cognito.initiateAuth(r -> r.clientId(clientId).authFlow(AuthFlowType.REFRESH_TOKEN_AUTH)
                .authParameters(Map.of("REFRESH_TOKEN", tokens.refreshToken()))).authenticationResult();
        assertThat(claims(refreshed.idToken()).getStringClaim("plan")).isEqualTo("pro");
        assertThat(standIn.events("TokenGeneration_RefreshTokens")).hasSize(1);
    }

    @Test
    void v2WhenTheTriggerSuppressesTheUserScopeThenTheTokenNoLongerActsForTheUser() throws Exception {
        pool("V2_0");
        standIn.on("/token", event -> Answer.respond(event, json("""
                {"claimsAndScopeOverrideDetails": {"accessTokenGeneration": {
                   "scopesToAdd": ["reports/read"], "scopesToSuppress": ["aws.cognito.signin.user.admin"]}}}""")));

        AuthenticationResultType tokens = signIn("amy");

        assertThat(claims(tokens.accessToken()).getStringClaim("scope")).isEqualTo("reports/read");
        assertThatThrownBy(() -> cognito.getUser(r -> r.accessToken(tokens.accessToken())))
                .isInstanceOf(software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException.class);
    }

    @Test
    void newPasswordChallengeWhenAnsweredThenItsOwnSourceWithTheAnswersClientMetadata() {
        pool("V2_0");
        standIn.on("/token", event -> Answer.respond(event, json("{}")));
        cognito.adminCreateUser(r -> r.userPoolId(poolId).username("ned").temporaryPassword("Temporary-Pass-1")
                .messageAction(MessageActionType.SUPPRESS));
        var challenge = cognito.initiateAuth(r -> r.clientId(clientId).authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", "ned", "PASSWORD", "Temporary-Pass-1")));
        assertThat(challenge.challengeName()).isEqualTo(ChallengeNameType.NEW_PASSWORD_REQUIRED);

        var tokens = cognito.respondToAuthChallenge(r -> r.clientId(clientId).session(challenge.session())
                .challengeName(ChallengeNameType.NEW_PASSWORD_REQUIRED).clientMetadata(Map.of("step", "new"))
                .challengeResponses(Map.of("USERNAME", "ned", "NEW_PASSWORD", "Chosen-Pass-1")))
                .authenticationResult();

        assertThat(tokens.idToken()).isNotBlank();
        JsonNode event = standIn.events("TokenGeneration_NewPasswordChallenge").get(0);
        assertThat(event.path("request").path("clientMetadata").path("step").asText()).isEqualTo("new");
    }

    @Test
    void hostedUiWhenTheCodeIsRedeemedThenHostedAuthWithTheGrantsScopes() throws Exception {
        pool("V2_0");
        standIn.on("/token", event -> Answer.respond(event, json(
                "{\"claimsAndScopeOverrideDetails\": {\"idTokenGeneration\": "
                        + "{\"claimsToAddOrOverride\": {\"via\": \"hosted\"}}}}")));
        UserPoolClientType web = cognito.createUserPoolClient(r -> r.userPoolId(poolId).clientName("web")
                .generateSecret(true).allowedOAuthFlowsUserPoolClient(true).allowedOAuthFlows(OAuthFlowType.CODE)
                .allowedOAuthScopes("openid", "email").callbackURLs(CALLBACK).supportedIdentityProviders("COGNITO"))
                .userPoolClient();
        HttpResponse<String> signedIn = new HostedForm().signIn(HostedForm.encode(Map.of("client_id", web.clientId(),
                "response_type", "code", "redirect_uri", CALLBACK, "scope", "openid email")), "amy", PASSWORD);
        String code = HostedForm.parameter(signedIn.headers().firstValue("Location").orElseThrow(), "code");

        HttpResponse<String> token = tokenEndpoint("grant_type=authorization_code&redirect_uri=" + CALLBACK
                + "&code=" + code, web);

        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
        assertThat(claims(json(token.body()).path("id_token").asText()).getStringClaim("via")).isEqualTo("hosted");
        JsonNode event = standIn.events("TokenGeneration_HostedAuth").get(0);
        assertThat(event.path("request").path("scopes").toString()).contains("openid", "email");
        assertThat(event.path("callerContext").path("clientId").asText()).isEqualTo(web.clientId());
    }

    @Test
    void clientCredentialsWhenV3ThenTheTriggerChangesTheMachinesTokenAndV2IsNotAsked() throws Exception {
        pool("V3_0");
        cognito.createResourceServer(r -> r.userPoolId(poolId).identifier("https://api.example.com").name("API")
                .scopes(s -> s.scopeName("read").scopeDescription("Read"),
                        s -> s.scopeName("write").scopeDescription("Write")));
        UserPoolClientType machine = cognito.createUserPoolClient(r -> r.userPoolId(poolId).clientName("machine")
                .generateSecret(true).allowedOAuthFlowsUserPoolClient(true)
                .allowedOAuthFlows(OAuthFlowType.CLIENT_CREDENTIALS)
                .allowedOAuthScopes("https://api.example.com/read")).userPoolClient();
        standIn.on("/token", event -> Answer.respond(event, json("""
                {"claimsAndScopeOverrideDetails": {"accessTokenGeneration": {
                   "claimsToAddOrOverride": {"partner": "acme"},
                   "scopesToAdd": ["https://api.example.com/write"]}}}""")));

        HttpResponse<String> token = tokenEndpoint("grant_type=client_credentials", machine);

        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
        JWTClaimsSet access = claims(json(token.body()).path("access_token").asText());
        assertThat(access.getStringClaim("partner")).isEqualTo("acme");
        assertThat(access.getStringClaim("scope")).isEqualTo("https://api.example.com/read "
                + "https://api.example.com/write");
        JsonNode event = standIn.events("TokenGeneration_ClientCredentials").get(0);
        assertThat(event.path("version").asText()).isEqualTo("3");
        assertThat(event.path("callerContext").path("clientId").asText()).isEqualTo(machine.clientId());
        assertThat(event.path("request").path("scopes").get(0).asText()).isEqualTo("https://api.example.com/read");

        cognito.updateUserPool(r -> r.userPoolId(poolId).lambdaConfig(l -> l.preTokenGenerationConfig(c -> c
                .lambdaArn(standIn.url("/token")).lambdaVersion(PreTokenGenerationLambdaVersionType.V2_0))));
        standIn.clear();
        HttpResponse<String> v2 = tokenEndpoint("grant_type=client_credentials", machine);
        assertThat(v2.statusCode()).isEqualTo(200);
        assertThat(claims(json(v2.body()).path("access_token").asText()).getClaim("partner")).isNull();
        assertThat(standIn.events()).isEmpty();
    }

    @Test
    void tokensWhenTheTriggerRefusesOrAnswersGarbageThenCognitosErrorsAndNoTokens() throws Exception {
        pool("V2_0");
        standIn.on("/token", event -> Answer.error("No tokens for you"));
        assertThatThrownBy(() -> signIn("amy")).isInstanceOf(UserLambdaValidationException.class)
                .hasMessageStartingWith("PreTokenGeneration failed with error No tokens for you.");

        standIn.on("/token", event -> Answer.respond(event, json(
                "{\"claimsAndScopeOverrideDetails\": {\"accessTokenGeneration\": {\"scopesToAdd\": \"all\"}}}")));
        assertThatThrownBy(() -> signIn("amy")).isInstanceOf(InvalidLambdaResponseException.class);

        UserPoolClientType machine = cognito.createUserPoolClient(r -> r.userPoolId(poolId).clientName("web")
                .generateSecret(true).allowedOAuthFlowsUserPoolClient(true).allowedOAuthFlows(OAuthFlowType.CODE)
                .allowedOAuthScopes("openid").callbackURLs(CALLBACK).supportedIdentityProviders("COGNITO"))
                .userPoolClient();
        standIn.on("/token", event -> Answer.error("Not here"));
        HttpResponse<String> signedIn = new HostedForm().signIn(HostedForm.encode(Map.of("client_id",
                machine.clientId(), "response_type", "code", "redirect_uri", CALLBACK)), "amy", PASSWORD);
        String code = HostedForm.parameter(signedIn.headers().firstValue("Location").orElseThrow(), "code");
        HttpResponse<String> token = tokenEndpoint("grant_type=authorization_code&redirect_uri=" + CALLBACK
                + "&code=" + code, machine);
        assertThat(token.statusCode()).isEqualTo(400);
        assertThat(json(token.body()).path("error").asText()).isEqualTo("invalid_request");
        assertThat(token.body()).doesNotContain("id_token");
    }

    private static HttpResponse<String> tokenEndpoint(String form, UserPoolClientType client) throws Exception {
        String basic = "Basic " + Base64.getEncoder().encodeToString((client.clientId() + ":"
                + client.clientSecret()).getBytes(StandardCharsets.UTF_8));
        return Gatehouse.HTTP.send(HttpRequest.newBuilder(Gatehouse.ENDPOINT.resolve("/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Authorization", basic)
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

}
