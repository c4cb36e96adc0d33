package io.gatehouse.it.attacks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.oauth2.sdk.pkce.CodeChallenge;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import io.gatehouse.it.Gatehouse;
import io.gatehouse.it.cognito.HostedForm;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.OAuthFlowType;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Pools, public clients and users for the corpora, and their tokens as an app gets them: the code flow with PKCE. */
final class CodeFlow {

    static final String CALLBACK = "http://localhost:3000/callback";
    static final String PASSWORD = "Corr3ct-Horse!";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What the app holds after the code flow. */
    record Tokens(String idToken, String accessToken, String refreshToken) {
    }

    private CodeFlow() {
    }

    /** A public client with the code flow, the openid scope (for userInfo) and refreshing. */
    static String publicClient(CognitoIdentityProviderClient cognito, String poolId, String name) {
        return cognito.createUserPoolClient(r -> r.userPoolId(poolId).clientName(name)
                .allowedOAuthFlowsUserPoolClient(true).allowedOAuthFlows(OAuthFlowType.CODE)
                .allowedOAuthScopes("openid", "email", "profile", "aws.cognito.signin.user.admin")
                .callbackURLs(CALLBACK).logoutURLs("http://localhost:3000/bye")
                .explicitAuthFlows(ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH,
                        ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH)
                .supportedIdentityProviders("COGNITO")).userPoolClient().clientId();
    }

    static void user(CognitoIdentityProviderClient cognito, String poolId, String username) {
        cognito.adminCreateUser(r -> r.userPoolId(poolId).username(username).messageAction(MessageActionType.SUPPRESS));
        cognito.adminSetUserPassword(r -> r.userPoolId(poolId).username(username).password(PASSWORD).permanent(true));
    }

    /** Signs {@code username} in on the hosted UI and redeems the code. */
    static Tokens signIn(String clientId, String username) throws Exception {
        CodeVerifier verifier = new CodeVerifier();
        String code = code(new HostedForm(), clientId, username, verifier);
        HttpResponse<String> answer = token(Map.of("grant_type", "authorization_code", "client_id", clientId,
                "code", code, "redirect_uri", CALLBACK, "code_verifier", verifier.getValue()));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonNode tokens = JSON.readTree(answer.body());
        return new Tokens(tokens.path("id_token").asText(), tokens.path("access_token").asText(),
                tokens.path("refresh_token").asText());
    }

    /** Signs in on the hosted UI and returns the authorization code the app receives. */
    static String code(HostedForm browser, String clientId, String username, CodeVerifier verifier)
            throws Exception {
        HttpResponse<String> signedIn = browser.signIn(HostedForm.encode(authorizeQuery(clientId, verifier)),
                username, PASSWORD);
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(303);
        String location = signedIn.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(CALLBACK + "?code=");
        return HostedForm.parameter(location, "code");
    }

    static Map<String, String> authorizeQuery(String clientId, CodeVerifier verifier) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("client_id", clientId);
        query.put("response_type", "code");
        query.put("redirect_uri", CALLBACK);
        query.put("scope", "openid email profile aws.cognito.signin.user.admin");
        query.put("code_challenge", CodeChallenge.compute(CodeChallengeMethod.S256, verifier).getValue());
        query.put("code_challenge_method", "S256");
        return query;
    }

    static HttpResponse<String> token(Map<String, String> form) throws Exception {
        return Gatehouse.HTTP.send(HttpRequest.newBuilder(Gatehouse.ENDPOINT.resolve("/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(HostedForm.encode(form))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static String error(HttpResponse<String> answer) throws Exception {
        return JSON.readTree(answer.body()).path("error").asText();
    }
}
