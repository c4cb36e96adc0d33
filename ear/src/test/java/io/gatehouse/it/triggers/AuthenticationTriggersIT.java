package io.gatehouse.it.triggers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.OAuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserLambdaValidationException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;

import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * PreAuthentication and PostAuthentication on webhooks: Cognito's events on each password sign-in path (the API's,
 * the administrator's and the hosted UI's), the ClientMetadata where Cognito passes it, a refusal before the password
 * is checked and one after it, and no trigger on a refresh.
 */
class AuthenticationTriggersIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "Sign-In-Pass-1";
    private static final String CALLBACK = "http://localhost:3000/cb";

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
        standIn.on("/pre", event -> Answer.respond(event, JSON.createObjectNode()));
        standIn.on("/post", event -> Answer.respond(event, JSON.createObjectNode()));
        poolId = cognito.createUserPool(r -> r.poolName("authentication-triggers").lambdaConfig(l -> l
                .preAuthentication(standIn.url("/pre")).postAuthentication(standIn.url("/post")))).userPool().id();
        clientId = cognito.createUserPoolClient(r -> r.userPoolId(poolId).clientName("app").explicitAuthFlows(
                ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH, ExplicitAuthFlowsType.ALLOW_ADMIN_USER_PASSWORD_AUTH,
                ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH)).userPoolClient().clientId();
        cognito.adminCreateUser(r -> r.userPoolId(poolId).username("amy").messageAction(MessageActionType.SUPPRESS)
                .userAttributes(a -> a.name("email").value("amy@example.com")));
        cognito.adminSetUserPassword(r -> r.userPoolId(poolId).username("amy").password(PASSWORD).permanent(true));
    }

    private AuthenticationResultType signIn(String username, String password) {
        return cognito.initiateAuth(r -> r.clientId(clientId).authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", username, "PASSWORD", password))
                .clientMetadata(Map.of("device", "kiosk-7"))).authenticationResult();
    }

    @Test
    void passwordSignInWhenBothTriggersAcceptThenCognitosEventsInOrderAndTokens() {
        AuthenticationResultType tokens = signIn("amy", PASSWORD);

        assertThat(tokens.idToken()).isNotBlank();
        assertThat(standIn.events().stream().map(e -> e.path("triggerSource").asText()))
                .containsExactly("PreAuthentication_Authentication", "PostAuthentication_Authentication");
        JsonNode pre = standIn.events("PreAuthentication_Authentication").get(0);
        assertThat(pre.path("version").asText()).isEqualTo("1");
        assertThat(pre.path("userName").asText()).isEqualTo("amy");
        assertThat(pre.path("userPoolId").asText()).isEqualTo(poolId);
        assertThat(pre.path("callerContext").path("clientId").asText()).isEqualTo(clientId);
        assertThat(pre.path("request").path("userAttributes").path("email").asText()).isEqualTo("amy@example.com");
        assertThat(pre.path("request").path("userAttributes").path("sub").asText()).matches("[0-9a-f-]{36}");
        assertThat(pre.path("request").path("userAttributes").path("cognito:user_status").asText())
                .isEqualTo("CONFIRMED");
        assertThat(pre.path("request").path("userNotFound").asBoolean()).isFalse();
        // Cognito passes InitiateAuth's ClientMetadata to PreAuthentication as validationData, and not as itself.
        assertThat(pre.path("request").path("validationData").path("device").asText()).isEqualTo("kiosk-7");
        assertThat(pre.path("request").path("clientMetadata").size()).isZero();
        assertThat(pre.path("request").toString()).doesNotContain(PASSWORD);
        JsonNode post = standIn.events("PostAuthentication_Authentication").get(0);
        assertThat(post.path("request").path("newDeviceUsed").isBoolean()).isTrue();
        assertThat(post.path("request").path("newDeviceUsed").asBoolean()).isFalse();
        assertThat(post.path("request").path("userAttributes").path("email").asText()).isEqualTo("amy@example.com");
        assertThat(post.path("request").has("clientMetadata")).isTrue();
        assertThat(standIn.refusedSignatures()).isZero();
    }

    @Test
    void adminPasswordSignInWhenTriggersAcceptThenBothFire() {
        var result = cognito.adminInitiateAuth(r -> r.userPoolId(poolId).clientId(clientId)
                .authFlow(AuthFlowType.ADMIN_USER_PASSWORD_AUTH).authParameters(Map.of("USERNAME", "amy",
                        "PASSWORD", PASSWORD)).clientMetadata(Map.of("by", "admin"))).authenticationResult();

        assertThat(result.accessToken()).isNotBlank();
        assertThat(standIn.events("PreAuthentication_Authentication").get(0).path("request").path("validationData")
                .path("by").asText()).isEqualTo("admin");
        assertThat(standIn.events("PostAuthentication_Authentication")).hasSize(1);
    }

    @Test
    void passwordSignInWhenPreAuthenticationRefusesThenUserLambdaValidationBeforeThePasswordIsChecked() {
        standIn.on("/pre", event -> Answer.error("Sign-ins are closed tonight"));

        // The wrong password is never checked: the trigger's refusal comes first.
        assertThatThrownBy(() -> signIn("amy", "Wrong-Pass-1")).isInstanceOf(UserLambdaValidationException.class)
                .hasMessageStartingWith("PreAuthentication failed with error Sign-ins are closed tonight.");
        assertThat(standIn.events("PostAuthentication_Authentication")).isEmpty();

        standIn.on("/pre", event -> Answer.respond(event, JSON.createObjectNode()));
        assertThat(signIn("amy", PASSWORD).idToken()).isNotBlank();
    }

    @Test
    void passwordSignInWhenPostAuthenticationFailsThenNoTokens() {
        standIn.on("/post", event -> Answer.error("Audit log unavailable"));

        assertThatThrownBy(() -> signIn("amy", PASSWORD)).isInstanceOf(UserLambdaValidationException.class)
                .hasMessageStartingWith("PostAuthentication failed with error Audit log unavailable.");
        assertThatThrownBy(() -> signIn("amy", "Wrong-Pass-1")).isInstanceOf(NotAuthorizedException.class);
        assertThat(standIn.events("PostAuthentication_Authentication")).hasSize(1);
    }

    @Test
    void unknownUserWhenTheClientPreventsExistenceErrorsThenPreAuthenticationIsToldUserNotFound() {
        assertThatThrownBy(() -> signIn("nobody", PASSWORD)).isInstanceOf(NotAuthorizedException.class);

        JsonNode pre = standIn.events("PreAuthentication_Authentication").get(0);
        assertThat(pre.path("userName").asText()).isEqualTo("nobody");
        assertThat(pre.path("request").path("userNotFound").asBoolean()).isTrue();
        assertThat(pre.path("request").path("userAttributes").size()).isZero();
    }

    @Test
    void unknownUserWhenTheClientShowsExistenceErrorsThenNoTriggerAndUserNotFound() {
        String legacy = cognito.createUserPoolClient(r -> r.userPoolId(poolId).clientName("legacy")
                .preventUserExistenceErrors("LEGACY").explicitAuthFlows(ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH,
                        ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH)).userPoolClient().clientId();

        assertThatThrownBy(() -> cognito.initiateAuth(r -> r.clientId(legacy).authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", "nobody", "PASSWORD", PASSWORD))))
                .isInstanceOf(UserNotFoundException.class);
        assertThat(standIn.events()).isEmpty();
    }

    @Test
    void refreshWhenSignedInThenNeitherTriggerFires() {
        String refresh = signIn("amy", PASSWORD).refreshToken();
        standIn.clear();

        var refreshed = cognito.initiateAuth(r -> r.clientId(clientId).authFlow(AuthFlowType.REFRESH_TOKEN_AUTH)
                .authParameters(Map.of("REFRESH_TOKEN", refresh))).authenticationResult();

        assertThat(refreshed.idToken()).isNotBlank();
        assertThat(standIn.events()).isEmpty();
    }

    @Test
    void hostedUiSignInWhenTriggersFireThenCodeAndARefusalShowsOnTheSignInPage() throws Exception {
        String web = cognito.createUserPoolClient(r -> r.userPoolId(poolId).clientName("web")
                .generateSecret(true).allowedOAuthFlowsUserPoolClient(true).allowedOAuthFlows(OAuthFlowType.CODE)
                .allowedOAuthScopes("openid", "email").callbackURLs(CALLBACK).supportedIdentityProviders("COGNITO"))
                .userPoolClient().clientId();
        String authorize = HostedForm.encode(Map.of("client_id", web, "response_type", "code", "redirect_uri",
                CALLBACK, "scope", "openid"));

        HttpResponse<String> signedIn = new HostedForm().signIn(authorize, "amy", PASSWORD);

        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(303);
        assertThat(HostedForm.parameter(signedIn.headers().firstValue("Location").orElseThrow(), "code")).isNotBlank();
        assertThat(standIn.events().stream().map(e -> e.path("triggerSource").asText()))
                .containsExactly("PreAuthentication_Authentication", "PostAuthentication_Authentication");
        assertThat(standIn.events().get(1).path("callerContext").path("clientId").asText()).isEqualTo(web);

        standIn.on("/post", event -> Answer.error("Not from this network"));
        HttpResponse<String> refused = new HostedForm().signIn(authorize, "amy", PASSWORD);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("Not from this network");
        standIn.on("/pre", event -> Answer.error("Closed"));
        HttpResponse<String> refusedBefore = new HostedForm().signIn(authorize, "amy", PASSWORD);
        assertThat(refusedBefore.statusCode()).isEqualTo(400);
        assertThat(refusedBefore.body()).contains("PreAuthentication failed with error Closed.");
    }
}
