package io.gatehouse.it.attacks;

import com.nimbusds.oauth2.sdk.pkce.CodeChallenge;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import io.gatehouse.it.Gatehouse;
import io.gatehouse.it.cognito.HostedForm;
import io.gatehouse.it.support.Tampered;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;

import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hosted UI attack corpus, over plain HTTP: forms posted without this browser's CSRF token (each form),
 * redirect URIs and sign-out URIs that differ from the registered ones by a trick (each refused with the error page,
 * never a redirect), cookies planted without the {@code __Host-} prefix, pages framed by another site, and
 * authorization codes replayed, redeemed by another client or with a wrong PKCE verifier. Each has its control: the
 * same request, unforged, is accepted.
 *
 * <p>The test server is reached on localhost, which browsers treat as a secure origin: its cookies carry the
 * {@code __Host-} prefix as on HTTPS.
 */
class HostedUiAttackCorpusIT {

    private static final String CALLBACK = CodeFlow.CALLBACK;
    private static final String BYE = "http://localhost:3000/bye";
    private static final String CSRF_COOKIE = "__Host-gatehouse_csrf";
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

    private static CognitoIdentityProviderClient cognito;
    private static String poolId;
    private static String clientId;
    private static String otherClientId;

    @BeforeAll
    static void pool() {
        cognito = Gatehouse.adminClient();
        poolId = cognito.createUserPool(r -> r.poolName("hosted-ui-corpus")).userPool().id();
        clientId = CodeFlow.publicClient(cognito, poolId, "app");
        otherClientId = CodeFlow.publicClient(cognito, poolId, "other");
        CodeFlow.user(cognito, poolId, "alice");
    }

    @AfterAll
    static void close() {
        cognito.close();
    }

    private static String authorizeQuery() {
        return HostedForm.encode(CodeFlow.authorizeQuery(clientId, new CodeVerifier()));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request, String cookies) throws Exception {
        if (cookies != null) {
            request.header("Cookie", cookies);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String pathAndQuery, String cookies) throws Exception {
        return send(HttpRequest.newBuilder(Gatehouse.ENDPOINT.resolve(pathAndQuery)).GET(), cookies);
    }

    private static HttpResponse<String> post(String pathAndQuery, String cookies, Map<String, String> form)
            throws Exception {
        return send(HttpRequest.newBuilder(Gatehouse.ENDPOINT.resolve(pathAndQuery))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(HostedForm.encode(form))), cookies);
    }

    /** A browser's CSRF token, as its first page gave it: the cookie's value is the form's. */
    private static String csrfToken() throws Exception {
        HttpResponse<String> page = get("/login?" + authorizeQuery(), null);
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        String token = HostedForm.csrf(page);
        assertThat(page.headers().allValues("Set-Cookie")).anyMatch(c -> c.startsWith(CSRF_COOKIE + "=" + token));
        return token;
    }

    /** The error page: shown, never a redirect, no stack trace. */
    private static void assertErrorPage(HttpResponse<String> answer, int status) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
        assertThat(answer.headers().firstValue("Location")).as("no redirect").isEmpty();
        assertThat(answer.body()).contains("role=\"alert\"").doesNotContain("Exception", "at io.");
    }

    // ---- CSRF: every form ----

    static Stream<String> forms() {
        return Stream.of("/login", "/mfa", "/forceChangePassword", "/signup", "/confirmUser", "/forgotPassword",
                "/confirmForgotPassword");
    }

    /** A way to post a form without the browser's own token: the cookie header sent and the field posted. */
    private record CsrfForgery(String name, String cookies, String field) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> csrfForgeriesAtEachForm() throws Exception {
        String victims = csrfToken();
        String attackers = csrfToken();
        String planted = "p".repeat(43);
        List<CsrfForgery> forgeries = List.of(
                new CsrfForgery("no _csrf field", CSRF_COOKIE + "=" + victims, null),
                new CsrfForgery("an empty _csrf field", CSRF_COOKIE + "=" + victims, ""),
                new CsrfForgery("another browser's _csrf", CSRF_COOKIE + "=" + victims, attackers),
                new CsrfForgery("the token but no cookie", null, victims),
                new CsrfForgery("a token matching a cookie planted without the __Host- prefix",
                        "gatehouse_csrf=" + planted, planted),
                new CsrfForgery("a short token matching a short cookie", CSRF_COOKIE + "=abc", "abc"),
                new CsrfForgery("the token in the query instead of the form", CSRF_COOKIE + "=" + victims, "query"));
        return forms().flatMap(form -> forgeries.stream().map(f -> Arguments.of(form, f)));
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("csrfForgeriesAtEachForm")
    void formWithoutThisBrowsersTokenThenForbidden(String form, CsrfForgery forgery) throws Exception {
        Map<String, String> fields = new LinkedHashMap<>(Map.of("username", "alice", "password",
                CodeFlow.PASSWORD, "code", "123456", "session", "s", "email", "alice@example.com"));
        String query = authorizeQuery();
        if ("query".equals(forgery.field())) {
            query += "&_csrf=" + forgery.cookies().substring(forgery.cookies().indexOf('=') + 1);
        } else if (forgery.field() != null) {
            fields.put("_csrf", forgery.field());
        }

        HttpResponse<String> answer = post(form + "?" + query, forgery.cookies(), fields);

        assertErrorPage(answer, 403);
        assertThat(answer.headers().allValues("Set-Cookie")).noneMatch(c -> c.contains("gatehouse_session"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forms")
    void formWithThisBrowsersTokenThenNotForbidden(String form) throws Exception {
        String token = csrfToken();

        HttpResponse<String> answer = post(form + "?" + authorizeQuery(), CSRF_COOKIE + "=" + token,
                Map.of("_csrf", token, "username", "nobody", "code", "123456", "session", "s"));

        assertThat(answer.statusCode()).as(answer.body()).isNotEqualTo(403).isLessThan(500);
    }

    // ---- open redirects ----

    static Stream<String> redirectTricks() {
        return Stream.of(
                "https://evil.example/callback",
                "http://localhost:3000/callback.evil.example",
                "http://localhost:3000/callbackx",
                "http://localhost:3000/callback/",
                "http://localhost:3000/callback/../evil",
                "http://localhost:3000/callback?next=https://evil.example",
                "http://localhost:3000/callback#https://evil.example",
                "http://localhost:3000/callback%2F..%2Fevil",
                "http://localhost:3000/%2e%2e/callback",
                "http://localhost:3000@evil.example/callback",
                "http://evil.example@localhost:3000/callback",
                "http://localhost:3000\\@evil.example/callback",
                "http://localhost.evil.example:3000/callback",
                "http://localhost:3001/callback",
                "https://localhost:3000/callback",
                "HTTP://LOCALHOST:3000/callback",
                "//localhost:3000/callback",
                "javascript:alert(1)//http://localhost:3000/callback",
                " http://localhost:3000/callback",
                "http://localhost:3000/callback ",
                "http://localhost:3000/callback%00",
                "http://localhost:3000/callback\r\nLocation: https://evil.example");
    }

    @ParameterizedTest(name = "redirect_uri {0} at /oauth2/authorize")
    @MethodSource("redirectTricks")
    void authorizeWhenRedirectUriIsATrickThenErrorPage(String redirectUri) throws Exception {
        assertErrorPage(get("/oauth2/authorize?" + withRedirectUri(redirectUri), null), 400);
    }

    @ParameterizedTest(name = "redirect_uri {0} at /login")
    @MethodSource("redirectTricks")
    void loginPageWhenRedirectUriIsATrickThenErrorPage(String redirectUri) throws Exception {
        assertErrorPage(get("/login?" + withRedirectUri(redirectUri), null), 400);
    }

    @ParameterizedTest(name = "redirect_uri {0} after a right password")
    @MethodSource("redirectTricks")
    void signInWhenRedirectUriIsATrickThenNoRedirectEvenWithTheRightPassword(String redirectUri) throws Exception {
        String token = csrfToken();

        HttpResponse<String> answer = post("/login?" + withRedirectUri(redirectUri), CSRF_COOKIE + "=" + token,
                Map.of("_csrf", token, "username", "alice", "password", CodeFlow.PASSWORD));

        assertErrorPage(answer, 400);
        assertThat(answer.headers().allValues("Set-Cookie")).noneMatch(c -> c.contains("gatehouse_session"));
    }

    @Test
    void redirectUriWhenRegisteredThenTheSignInPageAndAfterItTheCallback() throws Exception {
        HttpResponse<String> authorize = get("/oauth2/authorize?" + withRedirectUri(CALLBACK), null);
        assertThat(authorize.statusCode()).as(authorize.body()).isEqualTo(302);
        assertThat(authorize.headers().firstValue("Location").orElseThrow()).contains("/login?");

        String token = csrfToken();
        HttpResponse<String> signedIn = post("/login?" + withRedirectUri(CALLBACK), CSRF_COOKIE + "=" + token,
                Map.of("_csrf", token, "username", "alice", "password", CodeFlow.PASSWORD));
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(303);
        assertThat(signedIn.headers().firstValue("Location").orElseThrow()).startsWith(CALLBACK + "?code=");
    }

    @Test
    void redirectUriWhenGivenTwiceThenErrorPage() throws Exception {
        assertErrorPage(get("/oauth2/authorize?" + withRedirectUri(CALLBACK) + "&redirect_uri="
                + URLEncoder.encode("https://evil.example/cb", StandardCharsets.UTF_8), null), 400);
    }

    @Test
    void errorWithAnUnregisteredRedirectUriThenShownNotRedirected() throws Exception {
        Map<String, String> query = new LinkedHashMap<>(CodeFlow.authorizeQuery(clientId, new CodeVerifier()));
        query.put("redirect_uri", "https://evil.example/cb");
        query.put("scope", "openid no-such-scope");
        query.put("response_type", "no-such-type");
        assertErrorPage(get("/oauth2/authorize?" + HostedForm.encode(query), null), 400);

        query.put("client_id", "nosuchclient0000000000000");
        assertErrorPage(get("/oauth2/authorize?" + HostedForm.encode(query), null), 400);
    }

    private static String withRedirectUri(String redirectUri) {
        Map<String, String> query = new LinkedHashMap<>(CodeFlow.authorizeQuery(clientId, new CodeVerifier()));
        query.put("redirect_uri", redirectUri);
        return HostedForm.encode(query);
    }

    static Stream<String> logoutTricks() {
        return redirectTricks().map(uri -> uri.replace("/callback", "/bye"));
    }

    @ParameterizedTest(name = "logout_uri {0}")
    @MethodSource("logoutTricks")
    void logoutWhenLogoutUriIsATrickThenErrorPage(String logoutUri) throws Exception {
        assertErrorPage(get("/logout?client_id=" + clientId + "&logout_uri="
                + URLEncoder.encode(logoutUri, StandardCharsets.UTF_8), null), 400);
    }

    @Test
    void logoutWhenLogoutUriIsRegisteredThenRedirected() throws Exception {
        HttpResponse<String> answer = get("/logout?client_id=" + clientId + "&logout_uri="
                + URLEncoder.encode(BYE, StandardCharsets.UTF_8), null);

        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(answer.headers().firstValue("Location")).hasValue(BYE);
    }

    @Test
    void logoutWhenLogoutUriGivenTwiceThenErrorPage() throws Exception {
        assertErrorPage(get("/logout?client_id=" + clientId + "&logout_uri=" + URLEncoder.encode(BYE,
                StandardCharsets.UTF_8) + "&logout_uri=" + URLEncoder.encode("https://evil.example/bye",
                StandardCharsets.UTF_8), null), 400);
    }

    // ---- cookie tossing ----

    @Test
    void sessionCookieWhenPlantedWithoutTheHostPrefixThenNotASession() throws Exception {
        HostedForm attacker = new HostedForm();
        attacker.signIn(authorizeQuery(), "alice", CodeFlow.PASSWORD);
        HttpResponse<String> again = attacker.get("/oauth2/authorize?" + authorizeQuery());
        assertThat(again.headers().firstValue("Location").orElseThrow()).as("the attacker's own session signs in")
                .startsWith(CALLBACK + "?code=");
        String session = sessionOf(attacker);

        HttpResponse<String> genuine = get("/oauth2/authorize?" + authorizeQuery(),
                "__Host-gatehouse_session_" + poolId + "=" + session);
        HttpResponse<String> tossed = get("/oauth2/authorize?" + authorizeQuery(),
                "gatehouse_session_" + poolId + "=" + session);

        assertThat(genuine.headers().firstValue("Location").orElseThrow()).startsWith(CALLBACK + "?code=");
        assertThat(tossed.statusCode()).isEqualTo(302);
        assertThat(tossed.headers().firstValue("Location").orElseThrow()).as("the sign-in page, not a code")
                .contains("/login?").doesNotContain("code=");
    }

    /** The session cookie's value, as the attacker's own browser holds it. */
    private static String sessionOf(HostedForm browser) throws Exception {
        String value = browser.cookie("__Host-gatehouse_session_" + poolId);
        assertThat(value).isNotNull();
        return value;
    }

    @Test
    void cookiesWhenSetThenHostOnlySecureHttpOnlyWithThePrefix() throws Exception {
        String token = csrfToken();
        HttpResponse<String> signedIn = post("/login?" + authorizeQuery(), CSRF_COOKIE + "=" + token,
                Map.of("_csrf", token, "username", "alice", "password", CodeFlow.PASSWORD));
        List<String> cookies = new java.util.ArrayList<>(signedIn.headers().allValues("Set-Cookie"));
        cookies.addAll(get("/login?" + authorizeQuery(), null).headers().allValues("Set-Cookie"));

        assertThat(cookies).anyMatch(c -> c.startsWith("__Host-gatehouse_session_"));
        assertThat(cookies).allSatisfy(c -> assertThat(c).startsWith("__Host-").contains("Path=/", "Secure",
                "HttpOnly", "SameSite=").doesNotContainIgnoringCase("Domain="));
    }

    // ---- clickjacking ----

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/login", "/signup", "/forgotPassword", "/confirmUser", "/oauth2/authorize-error",
            "/logout-error"})
    void pageWhenFramedByAnotherSiteThenTheBrowserIsToldNot(String page) throws Exception {
        String pathAndQuery = switch (page) {
            case "/oauth2/authorize-error" -> "/oauth2/authorize?client_id=nosuchclient&response_type=code";
            case "/logout-error" -> "/logout?client_id=nosuchclient";
            default -> page + "?" + authorizeQuery();
        };

        HttpResponse<String> answer = get(pathAndQuery, null);

        assertThat(answer.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(answer.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(answer.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
                assertThat(csp).contains("frame-ancestors 'none'"));
    }

    // ---- the authorization code ----

    /** A way to redeem a code that is not its app's: the form changed from the genuine one. */
    private record CodeForgery(String name, UnaryOperator<Map<String, String>> change) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<CodeForgery> codeForgeries() {
        return Stream.of(
                new CodeForgery("another client's code", f -> with(f, "client_id", otherClientId)),
                new CodeForgery("a wrong PKCE verifier", f -> with(f, "code_verifier", new CodeVerifier().getValue())),
                new CodeForgery("no PKCE verifier", f -> with(f, "code_verifier", null)),
                new CodeForgery("the S256 challenge itself as a plain verifier", f -> with(f, "code_verifier",
                        CodeChallenge.compute(CodeChallengeMethod.S256, new CodeVerifier(f.get("code_verifier")))
                                .getValue())),
                new CodeForgery("another redirect_uri", f -> with(f, "redirect_uri", "http://localhost:3000/other")),
                new CodeForgery("no redirect_uri", f -> with(f, "redirect_uri", null)),
                new CodeForgery("a code bit-flipped", f -> with(f, "code", Tampered.lastCharacter(f.get("code")))),
                new CodeForgery("grant_type refresh_token with the code", f -> with(with(f, "grant_type",
                        "refresh_token"), "refresh_token", f.get("code"))));
    }

    private static Map<String, String> with(Map<String, String> form, String name, String value) {
        Map<String, String> changed = new LinkedHashMap<>(form);
        if (value == null) {
            changed.remove(name);
        } else {
            changed.put(name, value);
        }
        return changed;
    }

    /** A fresh code of {@link #clientId} for alice and the token request that redeems it. */
    private static Map<String, String> genuineRedemption() throws Exception {
        CodeVerifier verifier = new CodeVerifier();
        String code = CodeFlow.code(new HostedForm(), clientId, "alice", verifier);
        return new LinkedHashMap<>(Map.of("grant_type", "authorization_code", "client_id", clientId, "code", code,
                "redirect_uri", CALLBACK, "code_verifier", verifier.getValue()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("codeForgeries")
    void codeWhenRedeemedWronglyThenInvalidGrantAndNoTokens(CodeForgery forgery) throws Exception {
        HttpResponse<String> answer = CodeFlow.token(forgery.change().apply(genuineRedemption()));

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
        assertThat(CodeFlow.error(answer)).isIn("invalid_grant", "invalid_request");
        assertThat(answer.body()).doesNotContain("access_token");
    }

    @Test
    void codeWhenRedeemedRightlyThenTokensOnceAndAReplayRefused() throws Exception {
        Map<String, String> redemption = genuineRedemption();

        HttpResponse<String> first = CodeFlow.token(redemption);
        HttpResponse<String> replay = CodeFlow.token(redemption);

        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(first.body()).contains("access_token");
        assertThat(replay.statusCode()).isEqualTo(400);
        assertThat(CodeFlow.error(replay)).isEqualTo("invalid_grant");
    }

    @Test
    void authorizeWhenPlainPkceAskedThenRefusedToTheApp() throws Exception {
        Map<String, String> query = new LinkedHashMap<>(CodeFlow.authorizeQuery(clientId, new CodeVerifier()));
        query.put("code_challenge_method", "plain");
        query.put("state", "st");

        HttpResponse<String> answer = get("/oauth2/authorize?" + HostedForm.encode(query), null);

        assertThat(answer.statusCode()).isEqualTo(302);
        String location = answer.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(CALLBACK + "?");
        assertThat(HostedForm.parameter(location, "error")).isEqualTo("invalid_request");
    }
}
