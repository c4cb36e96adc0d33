package io.gatehouse.providers.federation.apple;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.gatehouse.api.federation.Callback;
import io.gatehouse.api.federation.DetailKey;
import io.gatehouse.api.federation.FederationException;
import io.gatehouse.api.federation.FederationException.Reason;
import io.gatehouse.api.federation.FederationProviderFactory;
import io.gatehouse.api.federation.IdentityProviderSettings;
import io.gatehouse.api.federation.InvalidProviderDetailsException;
import io.gatehouse.api.federation.Outgoing;
import io.gatehouse.api.federation.SignInRequest;
import io.gatehouse.api.federation.SignInStart;
import io.gatehouse.api.federation.UpstreamIdentity;
import io.gatehouse.providers.federation.oauth.PendingSignIn;
import io.gatehouse.providers.federation.oauth.testing.Browser;
import io.gatehouse.providers.federation.oauth.testing.ProviderTestBase;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import no.nav.security.mock.oauth2.token.OAuth2TokenProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.gatehouse.providers.federation.apple.AppleStandIn.APP_KEY_PEM;
import static io.gatehouse.providers.federation.apple.AppleStandIn.CLIENT_ID;
import static io.gatehouse.providers.federation.apple.AppleStandIn.KEY_ID;
import static io.gatehouse.providers.federation.apple.AppleStandIn.TEAM_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The contract and Sign in with Apple's own cases against {@link AppleStandIn}. mock-oauth2-server's issuer ids stand
 * for: {@code apple}, Apple, issuing ID tokens with the claims Apple's carry under Apple's issuer; {@code forger},
 * someone else's key signing the same claims.
 */
class AppleFederationProviderTest extends ProviderTestBase {

    private static final String SUBJECT = "001234.0a1b2c3d4e5f60718293a4b5c6d7e8f9.1234";
    private static final String RELAY_EMAIL = "x7yq2c@privaterelay.appleid.com";
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pattern ACTION = Pattern.compile("<form method=\"post\" action=\"([^\"]*)\">");
    private static final Pattern INPUT = Pattern.compile(
            "<input type=\"hidden\" name=\"([^\"]*)\" value=\"([^\"]*)\"/>");
    private static MockOAuth2Server server;
    private static AppleStandIn apple;

    @BeforeAll
    static void startApple() throws Exception {
        server = new MockOAuth2Server(new OAuth2Config(false, null, null, false, new OAuth2TokenProvider(), Set.of(
                appleIssuer("apple"), appleIssuer("forger"))));
        server.start();
        apple = new AppleStandIn(server, List.of("apple", "forger"));
    }

    /** ID tokens as Apple's are: Apple's issuer, the relay address, verification flags as strings. */
    private static DefaultOAuth2TokenCallback appleIssuer(String issuerId) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", AppleStandIn.APPLE);
        claims.put("email", RELAY_EMAIL);
        claims.put("email_verified", "true");
        claims.put("is_private_email", "true");
        claims.put("auth_time", 1735689600);
        claims.put("nonce_supported", true);
        claims.put("real_user_status", 2);
        return new DefaultOAuth2TokenCallback(issuerId, SUBJECT, "JWT", null, claims);
    }

    @AfterAll
    static void stopApple() {
        apple.close();
        server.shutdown();
    }

    @AfterEach
    void standInKeptItsProtocol() throws Exception {
        assertTrue(apple.failures().isEmpty(), () -> "the stand-in failed: " + apple.failures());
        apple.registeredKey = AppleStandIn.APP_KEY.toECPublicKey();
    }

    @Override
    protected FederationProviderFactory newFactory() {
        return new AppleFederationProviderFactory();
    }

    @Override
    protected Map<String, String> workingDetails() {
        return details("apple", "apple");
    }

    private static Map<String, String> details(String endpoints, String keys) {
        Map<String, String> details = new HashMap<>();
        details.put("client_id", CLIENT_ID);
        details.put("team_id", TEAM_ID);
        details.put("key_id", KEY_ID);
        details.put("private_key", APP_KEY_PEM);
        details.put("authorize_scopes", "email name");
        details.put("authorize_url", apple.url(endpoints) + "/authorize");
        details.put("token_url", apple.url(endpoints) + "/token");
        details.put("jwks_uri", apple.url(keys) + "/keys");
        return details;
    }

    /** A browser at Apple: the page Apple answers posts its form back to the callback; what it would post. */
    @Override
    protected Map<String, List<String>> signInUpstream(Outgoing outgoing) throws Exception {
        URI authorize = ((Outgoing.Redirect) outgoing).location();
        HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(authorize).build(),
                HttpResponse.BodyHandlers.ofString());
        if (page.statusCode() == 302) {
            return Browser.parameters(URI.create(page.headers().firstValue("Location").orElseThrow()));
        }
        assertEquals(200, page.statusCode(), page.body());
        Matcher action = ACTION.matcher(page.body());
        assertTrue(action.find(), page.body());
        assertEquals(CALLBACK.toString(), unescape(action.group(1)));
        Map<String, List<String>> posted = new LinkedHashMap<>();
        Matcher input = INPUT.matcher(page.body());
        while (input.find()) {
            posted.put(input.group(1), List.of(unescape(input.group(2))));
        }
        return posted;
    }

    private static String unescape(String html) {
        return html.replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }

    @Override
    protected String expectedSubject() {
        return SUBJECT;
    }

    @Test
    void keysWhenListedThenThePrivateKeyIsASecretDescribeNeverShows() {
        DetailKey privateKey = provider.detailKeys().stream().filter(k -> k.name().equals("private_key"))
                .findFirst().orElseThrow();
        assertTrue(privateKey.required() && privateKey.secret() && !privateKey.returned());
        assertEquals(Map.of("username", "sub"), provider.fixedAttributeMapping());
    }

    @Test
    void configureWhenOnlyTheAppsDetailsThenCognitosAppleEndpoints() throws Exception {
        Map<String, String> stored = provider.configure(Map.of("client_id", CLIENT_ID, "team_id", TEAM_ID,
                "key_id", KEY_ID, "private_key", APP_KEY_PEM, "authorize_scopes", "email name"));

        assertEquals("https://appleid.apple.com/auth/authorize", stored.get("authorize_url"));
        assertEquals("https://appleid.apple.com/auth/token", stored.get("token_url"));
        assertEquals("https://appleid.apple.com", stored.get("oidc_issuer"));
        assertEquals("https://appleid.apple.com/auth/keys", stored.get("jwks_uri"));
    }

    @Test
    void configureWhenThePrivateKeyIsNoEcKeyThenRefusedWithoutShowingIt() throws Exception {
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        String rsaPem = "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder().encodeToString(
                rsa.generateKeyPair().getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----";
        for (String bad : List.of(rsaPem, "-----BEGIN PRIVATE KEY-----\nnot base64!\n-----END PRIVATE KEY-----",
                APP_KEY_PEM.replace("PRIVATE KEY", "EC PRIVATE KEY"))) {
            Map<String, String> details = workingDetails();
            details.put("private_key", bad);

            InvalidProviderDetailsException refused = assertThrows(InvalidProviderDetailsException.class,
                    () -> provider.configure(details));
            assertTrue(refused.getMessage().contains("private_key"), refused.getMessage());
            assertFalse(refused.getMessage().contains(bad.substring(28, 40)), refused.getMessage());
        }
    }

    @Test
    void configureWhenTheKeyIdIsNotApplesOrAScopeIsNotAppleThenRefused() {
        Map<String, String> details = workingDetails();
        details.put("key_id", "abc");
        assertThrows(InvalidProviderDetailsException.class, () -> provider.configure(details));
        Map<String, String> scopes = workingDetails();
        scopes.put("authorize_scopes", "email phone");
        assertThrows(InvalidProviderDetailsException.class, () -> provider.configure(scopes));
    }

    @Test
    void configureWhenThePemCameWithEscapedNewlinesThenTaken() throws Exception {
        Map<String, String> details = workingDetails();
        details.put("private_key", APP_KEY_PEM.replace("\n", "\\n"));

        provider.configure(details);
    }

    @Test
    void beginWhenScopesThenFormPostWithTheScopesNonceAndStateAndNoPkce() throws Exception {
        IdentityProviderSettings settings = idp();
        SignInStart start = provider.begin(settings, new SignInRequest(CALLBACK, "engine-state", Optional.empty()));

        Map<String, List<String>> query = Browser.parameters(((Outgoing.Redirect) start.outgoing()).location());
        assertEquals("form_post", Browser.single(query, "response_mode"));
        assertEquals("email name", Browser.single(query, "scope"));
        assertEquals("code", Browser.single(query, "response_type"));
        assertEquals("engine-state", Browser.single(query, "state"));
        assertEquals(PendingSignIn.fromJson(AppleFederationProvider.FORMAT, start.pendingState()).nonce().getValue(),
                Browser.single(query, "nonce"));
        assertFalse(query.containsKey("code_challenge"), "Apple documents no PKCE");
        assertTrue(provider.callbackIsFormPost(settings));
    }

    @Test
    void beginWhenNoScopesThenAnswerByRedirect() throws Exception {
        Map<String, String> details = workingDetails();
        details.remove("authorize_scopes");
        IdentityProviderSettings settings = settings(details);

        SignInStart start = provider.begin(settings, new SignInRequest(CALLBACK, "s", Optional.empty()));

        assertEquals("query", Browser.single(Browser.parameters(((Outgoing.Redirect) start.outgoing()).location()),
                "response_mode"));
        assertFalse(provider.callbackIsFormPost(settings));
        assertEquals(SUBJECT, provider.complete(settings, new Callback(CALLBACK, signInUpstream(start.outgoing())),
                start.pendingState()).subject());
    }

    @Test
    void completeWhenAFirstSignInThenTheIdTokensClaimsAndTheNamePosted() throws Exception {
        UpstreamIdentity identity = signIn(workingDetails());

        assertEquals(SUBJECT, identity.claims().get("sub"));
        assertEquals(RELAY_EMAIL, identity.claims().get("email"));
        assertEquals("true", identity.claims().get("email_verified"));
        assertEquals("true", identity.claims().get("is_private_email"));
        assertEquals("Alice", identity.claims().get("firstName"));
        assertEquals("Liddell", identity.claims().get("lastName"));
        assertEquals("Alice Liddell", identity.claims().get("name"));
    }

    @Test
    void completeWhenALaterSignInThenNoName() throws Exception {
        String honest = apple.user;
        apple.user = null;
        try {
            UpstreamIdentity identity = signIn(workingDetails());

            assertEquals(RELAY_EMAIL, identity.claims().get("email"));
            assertFalse(identity.claims().containsKey("firstName"));
            assertFalse(identity.claims().containsKey("name"));
        } finally {
            apple.user = honest;
        }
    }

    @Test
    void completeWhenThePostedUserClaimsAnotherSubjectOrEmailThenOnlyItsNameIsTaken() throws Exception {
        String honest = apple.user;
        apple.user = "{\"sub\":\"someone-else\",\"email\":\"mallory@example.com\",\"email_verified\":\"true\","
                + "\"firstName\":\"Root\",\"name\":{\"firstName\":\"Mallory\",\"lastName\":\"M\"}}";
        try {
            UpstreamIdentity identity = signIn(workingDetails());

            assertEquals(SUBJECT, identity.subject());
            assertEquals(SUBJECT, identity.claims().get("sub"));
            assertEquals(RELAY_EMAIL, identity.claims().get("email"));
            assertEquals("Mallory", identity.claims().get("firstName"));
        } finally {
            apple.user = honest;
        }
    }

    @Test
    void completeWhenThePostedUserIsNoJsonThenTheSignInStandsOnTheIdToken() throws Exception {
        String honest = apple.user;
        apple.user = "{not json";
        try {
            assertEquals(SUBJECT, signIn(workingDetails()).subject());
        } finally {
            apple.user = honest;
        }
    }

    @Test
    void completeWhenSignedInThenTheClientSecretIsAShortLivedEs256JwtApplesChecksTook() throws Exception {
        int before = apple.clientSecrets.size();
        signIn(workingDetails());

        SignedJWT secret = apple.clientSecrets.get(before);
        JWTClaimsSet claims = secret.getJWTClaimsSet();
        assertEquals(JWSAlgorithm.ES256, secret.getHeader().getAlgorithm());
        assertEquals(KEY_ID, secret.getHeader().getKeyID());
        assertEquals(TEAM_ID, claims.getIssuer());
        assertEquals(CLIENT_ID, claims.getSubject());
        assertEquals(List.of("https://appleid.apple.com"), claims.getAudience());
        assertEquals(Duration.ofMinutes(5), Duration.between(claims.getIssueTime().toInstant(),
                claims.getExpirationTime().toInstant()));
    }

    @Test
    void completeWhenApplesHoldsAnotherKeyForTheKeyIdThenTheClientSecretIsRefused() throws Exception {
        apple.registeredKey = AppleStandIn.newKey().toECPublicKey();

        FederationException refused = assertThrows(FederationException.class, () -> signIn(workingDetails()));
        assertEquals(Reason.INVALID_RESPONSE, refused.reason());
        assertTrue(refused.getMessage().contains("invalid_client"), refused.getMessage());
    }

    @Test
    void completeWhenTheIdTokenIsSignedByAnotherKeyThenRefused() {
        FederationException refused = assertThrows(FederationException.class,
                () -> signIn(details("forger", "apple")));
        assertEquals(Reason.INVALID_RESPONSE, refused.reason());
        assertFalse(refused.getMessage().matches(".*eyJ[A-Za-z0-9_-]{10,}.*"), "the message shows a token");
    }

    @Test
    void completeWhenTheUserParameterRepeatsThenInvalidResponse() throws Exception {
        IdentityProviderSettings settings = idp();
        SignInStart start = provider.begin(settings, new SignInRequest(CALLBACK, "s-repeat", Optional.empty()));
        Map<String, List<String>> posted = new HashMap<>(signInUpstream(start.outgoing()));
        posted.put("user", List.of(posted.get("user").get(0), "{\"name\":{\"firstName\":\"Eve\"}}"));

        FederationException refused = assertThrows(FederationException.class,
                () -> provider.complete(settings, new Callback(CALLBACK, posted), start.pendingState()));
        assertEquals(Reason.INVALID_RESPONSE, refused.reason());
    }

    @Test
    void completeWhenTheUserCancelledAtAppleThenAccessDenied() throws Exception {
        IdentityProviderSettings settings = idp();
        SignInStart start = provider.begin(settings, new SignInRequest(CALLBACK, "s-cancel", Optional.empty()));

        FederationException refused = assertThrows(FederationException.class, () -> provider.complete(settings,
                new Callback(CALLBACK, Map.of("error", List.of("user_cancelled_authorize"), "state",
                        List.of("s-cancel"))), start.pendingState()));
        assertEquals(Reason.ACCESS_DENIED, refused.reason());
    }

    @Test
    void factoryWhenTheJarIsOnTheClassPathThenListedUnderSignInWithApple() throws Exception {
        assertDiscovered(AppleFederationProviderFactory.class, "sign-in-with-apple");
    }
}
