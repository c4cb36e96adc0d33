package io.gatehouse.providers.federation.amazon;

import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.oauth2.sdk.pkce.CodeChallenge;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.sun.net.httpserver.HttpExchange;
import io.gatehouse.api.federation.Callback;
import io.gatehouse.api.federation.FederationException;
import io.gatehouse.api.federation.FederationException.Reason;
import io.gatehouse.api.federation.FederationProviderFactory;
import io.gatehouse.api.federation.IdentityProviderSettings;
import io.gatehouse.api.federation.Outgoing;
import io.gatehouse.api.federation.SignInRequest;
import io.gatehouse.api.federation.SignInStart;
import io.gatehouse.api.federation.UpstreamIdentity;
import io.gatehouse.providers.federation.oauth.PendingSignIn;
import io.gatehouse.providers.federation.oauth.testing.Browser;
import io.gatehouse.providers.federation.oauth.testing.ProviderTestBase;
import io.gatehouse.providers.federation.oauth.testing.Relay;
import io.gatehouse.providers.federation.oauth.testing.StandIn;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import no.nav.security.mock.oauth2.token.OAuth2TokenProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The contract and Login with Amazon's own cases against a stand-in that speaks LWA's protocol: its authorize
 * endpoint ({@code /ap/oa}), token endpoint ({@code /auth/o2/token}, client secret and PKCE verifier in the form,
 * LWA's token answer) and profile API ({@code /user/profile}, LWA's four members), in front of NAV's
 * mock-oauth2-server, which keeps the codes, checks PKCE and signs the access tokens. The first path segment picks
 * mock-oauth2-server's issuer: {@code amazon}, an honest one; {@code amazon-nouser}, one whose profile has no
 * {@code user_id}.
 */
class AmazonFederationProviderTest extends ProviderTestBase {

    private static final String USER_ID = "amzn1.account.AGHDJ4XYZQWERTY";
    private static final String CLIENT_ID = "amzn1.application-oa2-client.gatehouse";
    private static final String CLIENT_SECRET = "lwa-contract-secret-0123456789";
    private static MockOAuth2Server server;
    private static StandIn amazon;

    @BeforeAll
    static void startAmazon() throws IOException {
        Map<String, Object> profile = new LinkedHashMap<>(Map.of("user_id", USER_ID, "name", "Alice Liddell",
                "email", "alice@example.com", "postal_code", "98101"));
        Map<String, Object> noUser = new LinkedHashMap<>(profile);
        noUser.remove("user_id");
        server = new MockOAuth2Server(new OAuth2Config(false, null, null, false, new OAuth2TokenProvider(), Set.of(
                new DefaultOAuth2TokenCallback("amazon", USER_ID, "JWT", null, profile),
                new DefaultOAuth2TokenCallback("amazon-nouser", USER_ID, "JWT", null, noUser))));
        server.start();
        amazon = new StandIn();
        for (String issuer : List.of("amazon", "amazon-nouser")) {
            amazon.on("/" + issuer + "/ap/oa", exchange -> authorize(issuer, exchange));
            amazon.on("/" + issuer + "/auth/o2/token", exchange -> token(issuer, exchange));
            amazon.on("/" + issuer + "/user/profile", exchange -> profile(issuer, exchange));
        }
        amazon.on("/down/user/profile", exchange -> StandIn.json(exchange, 503, Map.of()));
    }

    private static void authorize(String issuer, HttpExchange exchange) throws Exception {
        Map<String, List<String>> query = StandIn.query(exchange);
        if (!List.of(CLIENT_ID).equals(query.get("client_id")) || !List.of("S256").equals(query.get(
                "code_challenge_method"))) {
            StandIn.answer(exchange, 400, "text/plain", "unknown client or no PKCE");
            return;
        }
        StandIn.redirect(exchange, Relay.authorize(server.authorizationEndpointUrl(issuer).uri(), query).toString());
    }

    private static void token(String issuer, HttpExchange exchange) throws Exception {
        Map<String, List<String>> form = StandIn.form(exchange);
        if (!List.of(CLIENT_SECRET).equals(form.get("client_secret"))) {
            StandIn.json(exchange, 401, Map.of("error", "invalid_client"));
            return;
        }
        HttpResponse<String> mock = Relay.post(server.tokenEndpointUrl(issuer).uri(), form);
        Map<String, Object> tokens = JSONObjectUtils.parse(mock.body());
        if (mock.statusCode() != 200) {
            StandIn.json(exchange, mock.statusCode(), tokens);
            return;
        }
        // LWA's answer: no ID token, a lower-case token type.
        StandIn.json(exchange, 200, Map.of("access_token", tokens.get("access_token"),
                "refresh_token", "Atzr|refresh", "token_type", "bearer", "expires_in", 3600));
    }

    private static void profile(String issuer, HttpExchange exchange) throws Exception {
        String authorization = String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"));
        HttpResponse<String> mock = Relay.get(server.userInfoUrl(issuer).uri(), authorization);
        if (mock.statusCode() != 200) {
            StandIn.json(exchange, 401, Map.of("error", "invalid_token",
                    "error_description", "The access token is invalid"));
            return;
        }
        Map<String, Object> claims = JSONObjectUtils.parse(mock.body());
        Map<String, Object> profile = new LinkedHashMap<>();
        for (String member : List.of("user_id", "name", "email", "postal_code")) {
            if (claims.containsKey(member)) {
                profile.put(member, claims.get(member));
            }
        }
        StandIn.json(exchange, 200, profile);
    }

    @AfterAll
    static void stopAmazon() {
        amazon.close();
        server.shutdown();
    }

    @AfterEach
    void standInKeptItsProtocol() {
        assertTrue(amazon.failures.isEmpty(), () -> "the stand-in failed: " + amazon.failures);
    }

    @Override
    protected FederationProviderFactory newFactory() {
        return new AmazonFederationProviderFactory();
    }

    @Override
    protected Map<String, String> workingDetails() {
        return details("amazon");
    }

    private static Map<String, String> details(String issuer) {
        Map<String, String> details = new HashMap<>();
        details.put("client_id", CLIENT_ID);
        details.put("client_secret", CLIENT_SECRET);
        details.put("authorize_scopes", "profile postal_code");
        details.put("authorize_url", amazon.url() + "/" + issuer + "/ap/oa");
        details.put("token_url", amazon.url() + "/" + issuer + "/auth/o2/token");
        details.put("attributes_url", amazon.url() + "/" + issuer + "/user/profile");
        return details;
    }

    @Override
    protected String expectedSubject() {
        return USER_ID;
    }

    @Test
    void configureWhenOnlyTheClientThenCognitosAmazonEndpoints() throws Exception {
        Map<String, String> stored = provider.configure(Map.of("client_id", CLIENT_ID, "client_secret", "s",
                "authorize_scopes", "profile postal_code"));

        assertEquals("https://www.amazon.com/ap/oa", stored.get("authorize_url"));
        assertEquals("https://api.amazon.com/auth/o2/token", stored.get("token_url"));
        assertEquals("https://api.amazon.com/user/profile", stored.get("attributes_url"));
        assertEquals(Map.of("username", "user_id"), provider.fixedAttributeMapping());
    }

    @Test
    void beginWhenSignInThenCodeFlowWithPkceAndTheScopes() throws Exception {
        SignInStart start = provider.begin(idp(), new SignInRequest(CALLBACK, "engine-state", Optional.empty()));

        Map<String, List<String>> query = Browser.parameters(((Outgoing.Redirect) start.outgoing()).location());
        assertEquals("profile postal_code", Browser.single(query, "scope"));
        assertEquals("code", Browser.single(query, "response_type"));
        assertEquals(CALLBACK.toString(), Browser.single(query, "redirect_uri"));
        assertEquals("engine-state", Browser.single(query, "state"));
        PendingSignIn pending = PendingSignIn.fromJson(AmazonFederationProvider.FORMAT, start.pendingState());
        assertEquals(CodeChallenge.compute(CodeChallengeMethod.S256, pending.codeVerifier()).getValue(),
                Browser.single(query, "code_challenge"));
    }

    @Test
    void completeWhenSignedInThenTheProfileAsClaims() throws Exception {
        UpstreamIdentity identity = signIn(workingDetails());

        assertEquals(Map.of("user_id", USER_ID, "name", "Alice Liddell", "email", "alice@example.com",
                "postal_code", "98101"), identity.claims());
    }

    @Test
    void completeWhenTheProfileHasNoUserIdThenInvalidResponse() {
        FederationException refused = assertThrows(FederationException.class, () -> signIn(details("amazon-nouser")));
        assertEquals(Reason.INVALID_RESPONSE, refused.reason());
        assertTrue(refused.getMessage().contains("user_id"), refused.getMessage());
    }

    @Test
    void completeWhenTheSecretIsWrongThenInvalidResponseNamingTheError() {
        Map<String, String> details = workingDetails();
        details.put("client_secret", "not-the-secret");

        FederationException refused = assertThrows(FederationException.class, () -> signIn(details));
        assertEquals(Reason.INVALID_RESPONSE, refused.reason());
        assertTrue(refused.getMessage().contains("invalid_client"), refused.getMessage());
    }

    @Test
    void completeWhenAnotherSignInsVerifierThenTheCodeIsRefused() throws Exception {
        IdentityProviderSettings settings = idp();
        SignInStart mine = provider.begin(settings, new SignInRequest(CALLBACK, "mine", Optional.empty()));
        SignInStart theirs = provider.begin(settings, new SignInRequest(CALLBACK, "theirs", Optional.empty()));
        Callback theirCallback = new Callback(CALLBACK, Browser.signIn(theirs.outgoing(), CALLBACK));

        FederationException refused = assertThrows(FederationException.class,
                () -> provider.complete(settings, theirCallback, mine.pendingState()));
        assertEquals(Reason.INVALID_RESPONSE, refused.reason());
        assertTrue(refused.getMessage().contains("token endpoint"), refused.getMessage());
    }

    @Test
    void completeWhenTheProfileApiIsDownThenUnavailable() {
        Map<String, String> details = workingDetails();
        details.put("attributes_url", amazon.url() + "/down/user/profile");

        FederationException refused = assertThrows(FederationException.class, () -> signIn(details));
        assertEquals(Reason.UNAVAILABLE, refused.reason());
    }

    @Test
    void factoryWhenTheJarIsOnTheClassPathThenListedUnderLoginWithAmazon() throws Exception {
        assertDiscovered(AmazonFederationProviderFactory.class, "login-with-amazon");
    }

}
