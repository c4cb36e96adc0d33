package io.gatehouse.it.cognito;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.nimbusds.oauth2.sdk.pkce.CodeChallenge;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import io.gatehouse.it.Gatehouse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.OAuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolClientType;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The authorization endpoint and the sign-in form at the HTTP level, on both databases: the redirect rules, PKCE,
 * single-use codes, the implicit flow, CSRF and the pages' security headers. {@code HostedUiBrowserIT} runs the
 * same flows in Chromium.
 */
class AuthorizationCodeIT {

    private static final String CALLBACK = "http://localhost:3000/callback";
    private static final String PASSWORD = "Corr3ct-Horse!";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static CognitoIdentityProviderClient cognito;
    private static String poolId;
    private static UserPoolClientType spa;
    private static UserPoolClientType web;
    private static UserPoolClientType implicit;

    @BeforeAll
    static void pool() {
        cognito = Gatehouse.adminClient();
        poolId = cognito.createUserPool(r -> r.poolName("authorize").autoVerifiedAttributes(
                software.amazon.awssdk.services.cognitoidentityprovider.model.VerifiedAttributeType.EMAIL))
                .userPool().id();
        spa = cognito.createUserPoolClient(r -> r.userPoolId(poolId).clientName("spa")
                .allowedOAuthFlowsUserPoolClient(true).allowedOAuthFlows(OAuthFlowType.CODE)
                .allowedOAuthScopes("openid", "email", "profile", "aws.cognito.signin.user.admin")
                .callbackURLs(CALLBACK).logoutURLs("http://localhost:3000/bye")
                .supportedIdentityProviders("COGNITO")).userPoolClient();
        web = cognito.createUserPoolClient(r -> r.userPoolId(poolId).clientName("web").generateSecret(true)
                .allowedOAuthFlowsUserPoolClient(true).allowedOAuthFlows(OAuthFlowType.CODE)
                .allowedOAuthScopes("openid", "email").callbackURLs(CALLBACK, "https://app.example.com/cb")
                .defaultRedirectURI("https://app.example.com/cb")
                .supportedIdentityProviders("COGNITO")).userPoolClient();
        implicit = cognito.createUserPoolClient(r -> r.userPoolId(poolId).clientName("legacy")
                .allowedOAuthFlowsUserPoolClient(true).allowedOAuthFlows(OAuthFlowType.IMPLICIT)
                .allowedOAuthScopes("openid", "phone").callbackURLs(CALLBACK)
                .supportedIdentityProviders("COGNITO")).userPoolClient();
        createUser("alice", "alice@example.com");
    }

    @AfterAll
    static void close() {
        cognito.close();
    }

    private static void createUser(String username, String email) {
        cognito.adminCreateUser(r -> r.userPoolId(poolId).username(username).messageAction(MessageActionType.SUPPRESS)
                .userAttributes(AttributeType.builder().name("email").value(email).build(),
                        AttributeType.builder().name("email_verified").value("true").build()));
        cognito.adminSetUserPassword(r -> r.userPoolId(poolId).username(username).password(PASSWORD).permanent(true));
    }

    private static String authorize(UserPoolClientType client, Map<String, String> extra) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("client_id", client.clientId());
        query.put("response_type", "code");
        query.put("redirect_uri", CALLBACK);
        query.putAll(extra);
        return HostedForm.encode(query);
    }

    private static HttpResponse<String> token(Map<String, String> form, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(Gatehouse.ENDPOINT.resolve("/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(HostedForm.encode(form)));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return Gatehouse.HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JWTClaimsSet verified(String jwt) throws Exception {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, JWKSourceBuilder
                .create(new URL(Gatehouse.ENDPOINT + "/" + poolId + "/.well-known/jwks.json")).build()));
        return processor.process(jwt, null);
    }

    @Test
    void codeFlowWhenPublicClientUsesPkceThenTokensOnceAndAReplayRevokesThem() throws Exception {
        HostedForm browser = new HostedForm();
        CodeVerifier verifier = new CodeVerifier();
        String challenge = CodeChallenge.compute(CodeChallengeMethod.S256, verifier).getValue();

        HttpResponse<String> signedIn = browser.signIn(authorize(spa, Map.of("state", "s-1", "nonce", "n-1",
                "scope", "openid email aws.cognito.signin.user.admin", "code_challenge", challenge,
                "code_challenge_method", "S256")), "alice", PASSWORD);

        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(303);
        String location = signedIn.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(CALLBACK + "?code=");
        assertThat(HostedForm.parameter(location, "state")).isEqualTo("s-1");
        assertThat(HostedForm.parameter(location, "iss")).as("RFC 9207").isEqualTo(Gatehouse.ENDPOINT + "/" + poolId);
        String code = HostedForm.parameter(location, "code");
        Map<String, String> exchange = new LinkedHashMap<>(Map.of("grant_type", "authorization_code",
                "client_id", spa.clientId(), "code", code, "redirect_uri", CALLBACK));

        exchange.put("code_verifier", new CodeVerifier().getValue());
        HttpResponse<String> wrongVerifier = token(exchange, null);
        assertThat(wrongVerifier.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(wrongVerifier.body()).path("error").asText()).isEqualTo("invalid_grant");

        exchange.put("code_verifier", verifier.getValue());
        HttpResponse<String> tokens = token(exchange, null);
        assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
        JsonNode body = JSON.readTree(tokens.body());
        JWTClaimsSet id = verified(body.path("id_token").asText());
        JWTClaimsSet access = verified(body.path("access_token").asText());
        assertThat(id.getStringClaim("nonce")).isEqualTo("n-1");
        assertThat(id.getStringClaim("email")).isEqualTo("alice@example.com");
        assertThat(id.getAudience()).containsExactly(spa.clientId());
        assertThat(id.getStringClaim("at_hash")).isNotBlank();
        assertThat(access.getStringClaim("scope")).isEqualTo("openid email aws.cognito.signin.user.admin");
        String accessToken = body.path("access_token").asText();
        assertThat(cognito.getUser(r -> r.accessToken(accessToken)).username())
                .as("aws.cognito.signin.user.admin lets the token call GetUser").isEqualTo("alice");

        HttpResponse<String> replay = token(exchange, null);
        assertThat(replay.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(replay.body()).path("error").asText()).isEqualTo("invalid_grant");
        assertThatThrownBy(() -> cognito.getUser(r -> r.accessToken(accessToken)))
                .as("a replayed code revokes the tokens it gave").isInstanceOf(NotAuthorizedException.class);
    }

    @Test
    void codeFlowWhenConfidentialClientThenBasicAuthAndTheRedirectUriMustMatch() throws Exception {
        HostedForm browser = new HostedForm();
        HttpResponse<String> signedIn = browser.signIn(authorize(web, Map.of("scope", "openid")), "alice", PASSWORD);
        String code = HostedForm.parameter(signedIn.headers().firstValue("Location").orElseThrow(), "code");
        String basic = "Basic " + Base64.getEncoder().encodeToString((web.clientId() + ":" + web.clientSecret())
                .getBytes(StandardCharsets.UTF_8));

        HttpResponse<String> otherUri = token(Map.of("grant_type", "authorization_code", "code", code,
                "redirect_uri", "https://app.example.com/cb"), basic);
        HttpResponse<String> noSecret = token(Map.of("grant_type", "authorization_code", "code", code,
                "client_id", web.clientId(), "redirect_uri", CALLBACK), null);
        HttpResponse<String> good = token(Map.of("grant_type", "authorization_code", "code", code,
                "redirect_uri", CALLBACK), basic);

        assertThat(JSON.readTree(otherUri.body()).path("error").asText()).isEqualTo("invalid_grant");
        assertThat(noSecret.statusCode()).isEqualTo(401);
        assertThat(good.statusCode()).as(good.body()).isEqualTo(200);
        JsonNode body = JSON.readTree(good.body());
        assertThat(verified(body.path("access_token").asText()).getStringClaim("scope")).isEqualTo("openid");
        assertThat(body.path("refresh_token").asText()).isNotEmpty();

        HttpResponse<String> refreshed = token(Map.of("grant_type", "refresh_token",
                "refresh_token", body.path("refresh_token").asText()), basic);
        assertThat(verified(JSON.readTree(refreshed.body()).path("access_token").asText()).getStringClaim("scope"))
                .as("a refreshed access token keeps the sign-in's scopes").isEqualTo("openid");

        String fresh = HostedForm.parameter(new HostedForm().signIn(authorize(web, Map.of()), "alice", PASSWORD)
                .headers().firstValue("Location").orElseThrow(), "code");
        HttpResponse<String> noUri = token(Map.of("grant_type", "authorization_code", "code", fresh), basic);
        assertThat(JSON.readTree(noUri.body()).path("error").asText())
                .as("redirect_uri may be left out only for the DefaultRedirectURI").isEqualTo("invalid_request");
        HttpResponse<String> byDefault = new HostedForm().signIn(HostedForm.encode(Map.of("client_id",
                web.clientId(), "response_type", "code")), "alice", PASSWORD);
        String location = byDefault.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith("https://app.example.com/cb?code=");
        assertThat(token(Map.of("grant_type", "authorization_code", "code", HostedForm.parameter(location, "code")),
                basic).statusCode()).isEqualTo(200);
    }

    @Test
    void authorizeWhenClientOrRedirectUriIsUntrustedThenErrorPageAndNoRedirect() throws Exception {
        HostedForm browser = new HostedForm();

        HttpResponse<String> unregistered = browser.get("/oauth2/authorize?" + HostedForm.encode(Map.of(
                "client_id", spa.clientId(), "response_type", "code", "redirect_uri", "https://evil.example/cb")));
        HttpResponse<String> unknownClient = browser.get("/oauth2/authorize?client_id=nope&response_type=code"
                + "&redirect_uri=" + CALLBACK);
        HttpResponse<String> logout = browser.get("/logout?client_id=" + spa.clientId()
                + "&logout_uri=https://evil.example/bye");

        HttpResponse<String> repeated = browser.get("/login?client_id=" + spa.clientId() + "&state=a&state=b");
        for (HttpResponse<String> response : List.of(unregistered, unknownClient, logout, repeated)) {
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.headers().firstValue("Location")).isEmpty();
            assertThat(response.body()).contains("role=\"alert\"").doesNotContain("Exception", "at io.");
        }
        assertThat(unregistered.body()).contains("redirect_mismatch");
    }

    @Test
    void authorizeWhenRequestIsWrongThenTheErrorGoesBackToTheClient() throws Exception {
        HostedForm browser = new HostedForm();
        String challenge = CodeChallenge.compute(CodeChallengeMethod.S256, new CodeVerifier()).getValue();
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put(authorize(spa, Map.of("state", "x")), "invalid_request");
        cases.put(authorize(spa, Map.of("state", "x", "code_challenge", challenge, "code_challenge_method",
                "plain")), "invalid_request");
        cases.put(authorize(spa, Map.of("state", "x", "code_challenge", challenge, "code_challenge_method", "S256",
                "scope", "openid phone")), "invalid_scope");
        cases.put(authorize(spa, Map.of("state", "x", "code_challenge", challenge, "code_challenge_method", "S256",
                "prompt", "none")), "login_required");
        cases.put(authorize(spa, Map.of("state", "x", "code_challenge", challenge, "code_challenge_method", "S256",
                "identity_provider", "Google")), "invalid_request");
        cases.put(authorize(spa, Map.of("state", "x", "code_challenge", challenge, "code_challenge_method", "S256",
                "nonce", "n".repeat(1025))), "invalid_request");
        cases.put(HostedForm.encode(Map.of("client_id", web.clientId(), "response_type", "token",
                "redirect_uri", CALLBACK, "state", "x")), "unauthorized_client");
        cases.put(HostedForm.encode(Map.of("client_id", web.clientId(), "response_type", "id_token",
                "redirect_uri", CALLBACK, "state", "x")), "unsupported_response_type");

        for (Map.Entry<String, String> c : cases.entrySet()) {
            HttpResponse<String> response = browser.get("/oauth2/authorize?" + c.getKey());
            assertThat(response.statusCode()).as(c.getKey()).isEqualTo(302);
            String location = response.headers().firstValue("Location").orElseThrow();
            assertThat(location).as(c.getKey()).startsWith(CALLBACK);
            assertThat(HostedForm.parameter(location, "error")).as(c.getKey()).isEqualTo(c.getValue());
            assertThat(HostedForm.parameter(location, "state")).isEqualTo("x");
        }
    }

    @Test
    void signInPageWhenShownThenSecurityHeadersAndCsrfIsEnforced() throws Exception {
        HostedForm browser = new HostedForm();
        String query = authorize(web, Map.of());
        HttpResponse<String> page = browser.get("/login?" + query);

        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
                .contains("default-src 'none'", "frame-ancestors 'none'", "form-action 'self' http://localhost:3000"));
        assertThat(page.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(page.headers().firstValue("Cache-Control"))
                .hasValueSatisfying(v -> assertThat(v).contains("no-store"));
        assertThat(page.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c)
                .startsWith("__Host-gatehouse_csrf=").contains("HttpOnly", "SameSite=Lax", "Secure", "Path=/"));
        assertThat(page.body()).contains("<label for=\"username\"", "<label for=\"password\"", "lang=\"en\"");

        HttpResponse<String> forged = browser.post("/login?" + query, Map.of("_csrf",
                "forged-forged-forged-forged-1234",
                "username", "alice", "password", PASSWORD));
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.headers().firstValue("Location")).isEmpty();

        HttpResponse<String> wrong = browser.post("/login?" + query, Map.of("_csrf", HostedForm.csrf(page),
                "username", "alice", "password", "wrong-Password1"));
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(wrong.body()).contains("Incorrect username or password.");
        assertThat(browser.cookie("__Host-gatehouse_session_" + poolId)).isNull();
    }

    @Test
    void temporaryPasswordWhenPoolRequiresAnAttributeTheUserLacksThenTheNewPasswordPageAsksForIt() throws Exception {
        String strict = cognito.createUserPool(r -> r.poolName("requires-name").schema(
                software.amazon.awssdk.services.cognitoidentityprovider.model.SchemaAttributeType.builder()
                        .name("name").required(true).build())).userPool().id();
        UserPoolClientType app = cognito.createUserPoolClient(r -> r.userPoolId(strict).clientName("app")
                .generateSecret(true).allowedOAuthFlowsUserPoolClient(true).allowedOAuthFlows(OAuthFlowType.CODE)
                .allowedOAuthScopes("openid").callbackURLs(CALLBACK).supportedIdentityProviders("COGNITO"))
                .userPoolClient();
        // An administrator may create the user without the required attribute; the user supplies it at first sign-in.
        cognito.adminCreateUser(r -> r.userPoolId(strict).username("nina").temporaryPassword("Temp-0rary!")
                .messageAction(MessageActionType.SUPPRESS));
        HostedForm browser = new HostedForm();
        String query = authorize(app, Map.of());

        HttpResponse<String> page = browser.signIn(query, "nina", "Temp-0rary!");
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        assertThat(page.body()).contains("<input id=\"name\"");
        String session = newPasswordSession(page);
        Map<String, String> form = new LinkedHashMap<>(Map.of("_csrf", HostedForm.csrf(page), "session",
                session, "username", "nina", "attributes", "name", "password", "Ch0sen-Password!",
                "confirmPassword", "Ch0sen-Password!"));
        HttpResponse<String> missing = browser.post("/forceChangePassword?" + query, form);
        form.put("name", "Nina Simone");
        HttpResponse<String> done = browser.post("/forceChangePassword?" + query, form);

        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(done.statusCode()).as(done.body()).isEqualTo(303);
        assertThat(done.headers().firstValue("Location").orElseThrow()).startsWith(CALLBACK + "?code=");
        assertThat(cognito.adminGetUser(r -> r.userPoolId(strict).username("nina")).userAttributes())
                .anySatisfy(a -> assertThat(a.name() + "=" + a.value()).isEqualTo("name=Nina Simone"));
    }

    /** The NEW_PASSWORD_REQUIRED session the new-password page carries in a hidden field. */
    private static String newPasswordSession(HttpResponse<String> page) {
        java.util.regex.Matcher session = java.util.regex.Pattern.compile("name=\"session\" value=\"([^\"]+)\"")
                .matcher(page.body());
        assertThat(session.find()).as("a session field in " + page.body()).isTrue();
        return session.group(1);
    }

    @Test
    void newPasswordPageWhenFormNamesAttributesTheUserHasThenOnlyTheMissingOnesAreWritten() throws Exception {
        String strict = cognito.createUserPool(r -> r.poolName("requires-name-too").schema(
                software.amazon.awssdk.services.cognitoidentityprovider.model.SchemaAttributeType.builder()
                        .name("name").required(true).build())).userPool().id();
        UserPoolClientType app = cognito.createUserPoolClient(r -> r.userPoolId(strict).clientName("app")
                .generateSecret(true).allowedOAuthFlowsUserPoolClient(true).allowedOAuthFlows(OAuthFlowType.CODE)
                .allowedOAuthScopes("openid").callbackURLs(CALLBACK).supportedIdentityProviders("COGNITO"))
                .userPoolClient();
        cognito.adminCreateUser(r -> r.userPoolId(strict).username("olga").temporaryPassword("Temp-0rary!")
                .messageAction(MessageActionType.SUPPRESS)
                .userAttributes(AttributeType.builder().name("email").value("olga@example.com").build(),
                        AttributeType.builder().name("email_verified").value("true").build()));
        HostedForm browser = new HostedForm();
        String query = authorize(app, Map.of());
        HttpResponse<String> page = browser.signIn(query, "olga", "Temp-0rary!");
        String session = newPasswordSession(page);

        // The form claims the page asked for the e-mail address too, and gives the CEO's.
        HttpResponse<String> done = browser.post("/forceChangePassword?" + query, new LinkedHashMap<>(Map.of(
                "_csrf", HostedForm.csrf(page), "session", session, "username", "olga",
                "attributes", "name,email", "name", "Olga", "email", "ceo@corp.example",
                "password", "Ch0sen-Password!", "confirmPassword", "Ch0sen-Password!")));

        assertThat(done.statusCode()).as(done.body()).isEqualTo(303);
        assertThat(cognito.adminGetUser(r -> r.userPoolId(strict).username("olga")).userAttributes())
                .extracting(a -> a.name() + "=" + a.value())
                .contains("name=Olga", "email=olga@example.com", "email_verified=true")
                .doesNotContain("email=ceo@corp.example");
    }

    @Test
    void signInPageWhenAccountIsDisabledThenOnlyTheRightPasswordLearnsIt() throws Exception {
        createUser("ulrich", "ulrich@example.com");
        cognito.adminDisableUser(r -> r.userPoolId(poolId).username("ulrich"));
        HostedForm browser = new HostedForm();
        String query = authorize(web, Map.of());
        HttpResponse<String> page = browser.get("/login?" + query);

        HttpResponse<String> guess = browser.post("/login?" + query, Map.of("_csrf", HostedForm.csrf(page),
                "username", "ulrich", "password", "Guess-Passw0rd!"));
        HttpResponse<String> owner = browser.post("/login?" + query, Map.of("_csrf", HostedForm.csrf(page),
                "username", "ulrich", "password", PASSWORD));

        assertThat(guess.body()).contains("Incorrect username or password.").doesNotContain("disabled");
        assertThat(owner.body()).contains("User is disabled.");
        assertThat(owner.headers().firstValue("Location")).isEmpty();
    }

    @Test
    void singleSignOnWhenSignedInThenOtherClientsGetCodesUntilLogout() throws Exception {
        HostedForm browser = new HostedForm();
        browser.signIn(authorize(web, Map.of()), "alice", PASSWORD);
        String challenge = CodeChallenge.compute(CodeChallengeMethod.S256, new CodeVerifier()).getValue();
        String spaQuery = authorize(spa, Map.of("code_challenge", challenge, "code_challenge_method", "S256"));

        HttpResponse<String> silent = browser.get("/oauth2/authorize?" + spaQuery);
        HttpResponse<String> forced = browser.get("/oauth2/authorize?" + spaQuery + "&prompt=login");
        HttpResponse<String> logout = browser.get("/logout?client_id=" + spa.clientId()
                + "&logout_uri=http://localhost:3000/bye");
        HttpResponse<String> after = browser.get("/oauth2/authorize?" + spaQuery);

        assertThat(silent.headers().firstValue("Location").orElseThrow()).startsWith(CALLBACK + "?code=");
        assertThat(forced.headers().firstValue("Location").orElseThrow()).contains("/login?");
        assertThat(logout.headers().firstValue("Location")).contains("http://localhost:3000/bye");
        assertThat(after.headers().firstValue("Location").orElseThrow()).contains("/login?");

        HostedForm other = new HostedForm();
        String code = HostedForm.parameter(other.signIn(authorize(web, Map.of()), "alice", PASSWORD).headers()
                .firstValue("Location").orElseThrow(), "code");
        cognito.adminUserGlobalSignOut(r -> r.userPoolId(poolId).username("alice"));
        assertThat(other.get("/oauth2/authorize?" + spaQuery).headers().firstValue("Location").orElseThrow())
                .as("a global sign-out ends the hosted UI session too").contains("/login?");
        String basic = "Basic " + Base64.getEncoder().encodeToString((web.clientId() + ":" + web.clientSecret())
                .getBytes(StandardCharsets.UTF_8));
        assertThat(JSON.readTree(token(Map.of("grant_type", "authorization_code", "code", code, "redirect_uri",
                CALLBACK), basic).body()).path("error").asText()).as("and its unredeemed codes")
                .isEqualTo("invalid_grant");
    }

    @Test
    void implicitFlowWhenClientIsAllowedItThenTokensInTheFragment() throws Exception {
        HostedForm browser = new HostedForm();
        HttpResponse<String> signedIn = browser.signIn(HostedForm.encode(Map.of("client_id", implicit.clientId(),
                "response_type", "token", "redirect_uri", CALLBACK, "state", "st", "nonce", "nn")), "alice", PASSWORD);

        String location = signedIn.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(CALLBACK + "#");
        assertThat(HostedForm.parameter(location, "refresh_token")).isNull();
        assertThat(HostedForm.parameter(location, "token_type")).isEqualTo("Bearer");
        assertThat(verified(HostedForm.parameter(location, "id_token")).getStringClaim("nonce")).isEqualTo("nn");
        String accessToken = HostedForm.parameter(location, "access_token");
        assertThat(verified(accessToken).getStringClaim("scope")).isEqualTo("openid phone");
        assertThat(userInfo(accessToken).statusCode()).isEqualTo(200);
        cognito.adminUserGlobalSignOut(r -> r.userPoolId(poolId).username("alice"));
        assertThat(userInfo(accessToken).statusCode()).as("a global sign-out reaches implicit-flow tokens too")
                .isEqualTo(401);
    }

    private static HttpResponse<String> userInfo(String accessToken) throws Exception {
        return Gatehouse.HTTP.send(HttpRequest.newBuilder(Gatehouse.ENDPOINT.resolve("/oauth2/userInfo"))
                .header("Authorization", "Bearer " + accessToken).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void refreshWhenClientLostAScopeThenTheRefreshedTokenLacksItToo() throws Exception {
        UserPoolClientType narrowing = cognito.createUserPoolClient(r -> r.userPoolId(poolId).clientName("narrowing")
                .generateSecret(true).allowedOAuthFlowsUserPoolClient(true).allowedOAuthFlows(OAuthFlowType.CODE)
                .allowedOAuthScopes("openid", "email").callbackURLs(CALLBACK).supportedIdentityProviders("COGNITO"))
                .userPoolClient();
        HttpResponse<String> signedIn = new HostedForm().signIn(authorize(narrowing, Map.of()), "alice", PASSWORD);
        String code = HostedForm.parameter(signedIn.headers().firstValue("Location").orElseThrow(), "code");
        String basic = "Basic " + Base64.getEncoder().encodeToString((narrowing.clientId() + ":"
                + narrowing.clientSecret()).getBytes(StandardCharsets.UTF_8));
        JsonNode tokens = JSON.readTree(token(Map.of("grant_type", "authorization_code", "code", code,
                "redirect_uri", CALLBACK), basic).body());
        assertThat(verified(tokens.path("access_token").asText()).getStringClaim("scope")).isEqualTo("openid email");

        cognito.updateUserPoolClient(r -> r.userPoolId(poolId).clientId(narrowing.clientId())
                .allowedOAuthFlowsUserPoolClient(true).allowedOAuthFlows(OAuthFlowType.CODE)
                .allowedOAuthScopes("openid").callbackURLs(CALLBACK).supportedIdentityProviders("COGNITO"));
        JsonNode refreshed = JSON.readTree(token(Map.of("grant_type", "refresh_token",
                "refresh_token", tokens.path("refresh_token").asText()), basic).body());

        assertThat(verified(refreshed.path("access_token").asText()).getStringClaim("scope")).isEqualTo("openid");
    }

    @Test
    void clientWhenItsUrlsCouldNotBeSafelyRedirectedToThenRefused() {
        for (String url : List.of("javascript:alert(1)", "http://app.example.com/cb", "https://app.example.com/cb#x",
                "/relative/cb", "https://a/cb|x")) {
            assertThatThrownBy(() -> cognito.createUserPoolClient(r -> r.userPoolId(poolId).clientName("bad")
                    .allowedOAuthFlowsUserPoolClient(true).allowedOAuthFlows(OAuthFlowType.CODE)
                    .allowedOAuthScopes("openid").callbackURLs(url)))
                    .as(url).isInstanceOf(InvalidParameterException.class);
        }
        assertThat(cognito.createUserPoolClient(r -> r.userPoolId(poolId).clientName("native")
                .allowedOAuthFlowsUserPoolClient(true).allowedOAuthFlows(OAuthFlowType.CODE)
                .allowedOAuthScopes("openid").callbackURLs("myapp://callback", "http://127.0.0.1:8080/cb"))
                .userPoolClient().callbackURLs()).hasSize(2);
    }

    @Test
    void userInfoWhenTokenHasOpenidThenTheScopesClaims() throws Exception {
        HostedForm browser = new HostedForm();
        HttpResponse<String> signedIn = browser.signIn(authorize(web, Map.of("scope", "openid email")), "alice",
                PASSWORD);
        String code = HostedForm.parameter(signedIn.headers().firstValue("Location").orElseThrow(), "code");
        String basic = "Basic " + Base64.getEncoder().encodeToString((web.clientId() + ":" + web.clientSecret())
                .getBytes(StandardCharsets.UTF_8));
        String accessToken = JSON.readTree(token(Map.of("grant_type", "authorization_code", "code", code,
                "redirect_uri", CALLBACK), basic).body()).path("access_token").asText();

        HttpResponse<String> info = Gatehouse.HTTP.send(HttpRequest.newBuilder(Gatehouse.ENDPOINT
                .resolve("/oauth2/userInfo")).header("Authorization", "Bearer " + accessToken).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> bad = Gatehouse.HTTP.send(HttpRequest.newBuilder(Gatehouse.ENDPOINT
                .resolve("/oauth2/userInfo")).header("Authorization", "Bearer not-a-token").build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(info.statusCode()).as(info.body()).isEqualTo(200);
        JsonNode claims = JSON.readTree(info.body());
        assertThat(claims.path("email").asText()).isEqualTo("alice@example.com");
        assertThat(claims.path("username").asText()).isEqualTo("alice");
        assertThat(claims.path("sub").asText()).isNotEmpty();
        assertThat(bad.statusCode()).isEqualTo(401);
        assertThat(bad.headers().firstValue("WWW-Authenticate").orElseThrow()).contains("invalid_token");
        URI discovery = Gatehouse.ENDPOINT.resolve("/" + poolId + "/.well-known/openid-configuration");
        JsonNode document = JSON.readTree(Gatehouse.HTTP.send(HttpRequest.newBuilder(discovery).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        assertThat(document.path("authorization_endpoint").asText()).isEqualTo(Gatehouse.ENDPOINT
                + "/oauth2/authorize");
        assertThat(document.path("userinfo_endpoint").asText()).isEqualTo(Gatehouse.ENDPOINT + "/oauth2/userInfo");
    }
}
