package io.gatehouse.it.federation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatehouse.it.Gatehouse;
import io.gatehouse.it.support.TriggerStandIn;
import io.gatehouse.it.support.TriggerStandIn.Answer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.IdentityProviderTypeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.OAuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * PreSignUp_ExternalProvider: the first sign-in of a federated user (through a Facebook-like IdP that approves at
 * once, followed redirect by redirect over HTTP) runs the pool's PreSignUp trigger before the user is made; its
 * verification flags apply, and its refusal sends the app Cognito's error with no user made.
 */
class ExternalProviderPreSignUpIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SECRET = "external-provider-it-secret";
    private static final String SUBJECT = "10160000000000042";

    private static OAuthStandIn facebook;
    private static TriggerStandIn triggers;
    private static CognitoIdentityProviderClient cognito;
    private String poolId;
    private RelyingParty app;

    @BeforeAll
    static void start() throws Exception {
        facebook = new OAuthStandIn("facebook", SECRET, Map.of("id", SUBJECT, "name", "Gwen Park",
                "email", "gwen@facebook.example"));
        triggers = new TriggerStandIn();
        cognito = Gatehouse.adminClient();
    }

    @AfterAll
    static void stop() {
        facebook.close();
        triggers.close();
        cognito.close();
    }

    @BeforeEach
    void pool() throws Exception {
        triggers.clear();
        poolId = cognito.createUserPool(r -> r.poolName("external-pre-sign-up").lambdaConfig(l -> l
                .preSignUp(triggers.url("/pre-sign-up")))).userPool().id();
        cognito.createIdentityProvider(r -> r.userPoolId(poolId).providerName("Facebook")
                .providerType(IdentityProviderTypeType.FACEBOOK).providerDetails(Map.of("client_id", "fb-app",
                        "client_secret", SECRET, "authorize_scopes", "public_profile,email",
                        "authorize_url", facebook.url("facebook", "authorize"),
                        "token_url", facebook.url("facebook", "token"),
                        "attributes_url", facebook.url("facebook", "profile") + "?fields="))
                .attributeMapping(new HashMap<>(Map.of("email", "email"))));
        app = new RelyingParty(poolId, cognito.createUserPoolClient(r -> r.userPoolId(poolId).clientName("app")
                .allowedOAuthFlowsUserPoolClient(true).allowedOAuthFlows(OAuthFlowType.CODE)
                .allowedOAuthScopes("openid", "email", "profile").callbackURLs(RelyingParty.CALLBACK.toString())
                .supportedIdentityProviders("Facebook")).userPoolClient().clientId());
    }

    /** Follows the sign-in's redirects until the app's callback; its query parameters. */
    private Map<String, String> signIn() throws Exception {
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        // Gatehouse's cookies are Secure, which a browser keeps for http://localhost and java.net's handler does
        // not: this keeps them as a browser does.
        Map<String, String> cookies = new HashMap<>();
        URI next = app.start("Facebook").request().toURI();
        for (int hop = 0; hop < 10; hop++) {
            HttpRequest.Builder request = HttpRequest.newBuilder(next).GET();
            if (next.getPort() == Gatehouse.ENDPOINT.getPort() && !cookies.isEmpty()) {
                request.header("Cookie", String.join("; ", cookies.entrySet().stream()
                        .map(c -> c.getKey() + "=" + c.getValue()).toList()));
            }
            HttpResponse<String> page = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (page.uri().getPort() == Gatehouse.ENDPOINT.getPort()) {
                for (String set : page.headers().allValues("Set-Cookie")) {
                    String pair = set.split(";", 2)[0];
                    cookies.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
                }
            }
            String location = page.headers().firstValue("Location").orElseThrow(() -> new AssertionError(
                    "no redirect from " + page.uri() + ": " + page.statusCode() + " " + page.body()));
            next = page.uri().resolve(location);
            if (next.toString().startsWith(RelyingParty.CALLBACK.toString())) {
                Map<String, String> query = new HashMap<>();
                for (String pair : next.getRawQuery().split("&")) {
                    int eq = pair.indexOf('=');
                    query.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
                return query;
            }
        }
        throw new AssertionError("the sign-in never came back to the app");
    }

    @Test
    void firstSignInThenPreSignUpExternalProviderAndItsVerificationApplies() throws Exception {
        triggers.on("/pre-sign-up", event -> Answer.respond(event, JSON.createObjectNode()
                .put("autoVerifyEmail", true)));

        Map<String, String> answer = signIn();

        assertThat(answer).containsKey("code");
        String username = "Facebook_" + SUBJECT;
        JsonNode event = triggers.events("PreSignUp_ExternalProvider").get(0);
        assertThat(event.path("userName").asText()).isEqualTo(username);
        assertThat(event.path("callerContext").path("clientId").asText()).isEqualTo(app.clientId());
        assertThat(event.path("request").path("userAttributes").path("email").asText())
                .isEqualTo("gwen@facebook.example");
        assertThat(cognito.adminGetUser(r -> r.userPoolId(poolId).username(username)).userAttributes())
                .contains(AttributeType.builder().name("email_verified").value("true").build());

        signIn();
        assertThat(triggers.events("PreSignUp_ExternalProvider")).as("only the first sign-in").hasSize(1);
    }

    @Test
    void firstSignInWhenPreSignUpRefusesThenTheAppGetsTheErrorAndNoUserIsMade() throws Exception {
        triggers.on("/pre-sign-up", event -> Answer.error("Not invited"));

        Map<String, String> answer = signIn();

        assertThat(answer).doesNotContainKey("code").containsEntry("error", "invalid_request");
        assertThat(answer.get("error_description")).startsWith("PreSignUp failed with error Not invited.");
        assertThatThrownBy(() -> cognito.adminGetUser(r -> r.userPoolId(poolId).username("Facebook_" + SUBJECT)))
                .isInstanceOf(UserNotFoundException.class);
    }
}
