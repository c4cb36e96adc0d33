package io.gatehouse.providers.federation.google;

import com.nimbusds.oauth2.sdk.pkce.CodeChallenge;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
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
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import no.nav.security.mock.oauth2.token.OAuth2TokenProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The contract and Google's own cases against NAV's mock-oauth2-server, a real OpenID Provider in this JVM, issuing
 * ID tokens with the claims Google's carry, under Google's issuer. Its issuer ids stand for: {@code google}, Google;
 * {@code google-bare}, Google naming itself without scheme; {@code forger}, someone else's keys signing Google's
 * claims; {@code other}, another issuer.
 */
class GoogleFederationProviderTest extends ProviderTestBase {

    private static final String SUBJECT = "110169484474386276334";
    private static final String CLIENT_ID = "1234-gatehouse.apps.googleusercontent.com";
    private static MockOAuth2Server server;

    @BeforeAll
    static void startGoogle() {
        server = new MockOAuth2Server(new OAuth2Config(false, null, null, false, new OAuth2TokenProvider(), Set.of(
                google("google", "https://accounts.google.com"),
                google("google-bare", "accounts.google.com"),
                google("forger", "https://accounts.google.com"),
                google("other", "https://evil.example.test"))));
        server.start();
    }

    /** An issuer of ID tokens as Google's are: its claims, under the issuer {@code iss}. */
    private static DefaultOAuth2TokenCallback google(String issuerId, String iss) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", iss);
        claims.put("azp", CLIENT_ID);
        claims.put("at_hash", "HK6E_P6Dh8Y93mRNtsDB1Q");
        claims.put("email", "alice.liddell@gmail.com");
        claims.put("email_verified", true);
        claims.put("name", "Alice Liddell");
        claims.put("given_name", "Alice");
        claims.put("family_name", "Liddell");
        claims.put("picture", "https://lh3.googleusercontent.com/a/alice=s96-c");
        claims.put("locale", "en");
        return new DefaultOAuth2TokenCallback(issuerId, SUBJECT, "JWT", null, claims);
    }

    @AfterAll
    static void stopGoogle() {
        server.shutdown();
    }

    @Override
    protected FederationProviderFactory newFactory() {
        return new GoogleFederationProviderFactory();
    }

    @Override
    protected Map<String, String> workingDetails() {
        return details("google", "google");
    }

    /** Details whose endpoints are those of {@code endpoints}, but whose keys are those of {@code keys}. */
    private static Map<String, String> details(String endpoints, String keys) {
        Map<String, String> details = new HashMap<>();
        details.put("client_id", CLIENT_ID);
        details.put("client_secret", "GOCSPX-contract-secret");
        details.put("authorize_scopes", "profile email openid");
        details.put("authorize_url", server.authorizationEndpointUrl(endpoints).toString());
        details.put("token_url", server.tokenEndpointUrl(endpoints).toString());
        details.put("jwks_uri", server.jwksUrl(keys).toString());
        return details;
    }

    @Override
    protected String expectedSubject() {
        return SUBJECT;
    }

    @Test
    void configureWhenOnlyTheClientThenCognitosGoogleEndpoints() throws Exception {
        Map<String, String> stored = provider.configure(Map.of("client_id", CLIENT_ID, "client_secret", "s",
                "authorize_scopes", "profile email openid"));

        assertEquals("https://accounts.google.com/o/oauth2/v2/auth", stored.get("authorize_url"));
        assertEquals("https://www.googleapis.com/oauth2/v4/token", stored.get("token_url"));
        assertEquals("https://people.googleapis.com/v1/people/me?personFields=", stored.get("attributes_url"));
        assertEquals("true", stored.get("attributes_url_add_attributes"));
        assertEquals("https://accounts.google.com", stored.get("oidc_issuer"));
        assertEquals("https://www.googleapis.com/oauth2/v3/certs", stored.get("jwks_uri"));
    }

    @Test
    void reconfigureWhenTheSecretChangesThenGivenEndpointsStay() throws Exception {
        Map<String, String> stored = provider.configure(workingDetails());

        Map<String, String> updated = provider.reconfigure(Map.of("client_secret", "GOCSPX-new"), stored);

        assertEquals(stored.get("token_url"), updated.get("token_url"));
        assertEquals("GOCSPX-new", updated.get("client_secret"));
    }

    @Test
    void keysWhenListedThenTheSecretSealedAndShown() {
        assertTrue(provider.detailKeys().stream().anyMatch(k -> k.name().equals("client_secret") && k.secret()
                && k.returned() && k.required()));
        assertEquals(Map.of("username", "sub"), provider.fixedAttributeMapping());
        assertFalse(provider.callbackIsFormPost(null));
    }

    @Test
    void beginWhenTheScopesLackOpenidThenItIsAskedForWithPkceNonceAndState() throws Exception {
        Map<String, String> details = workingDetails();
        details.put("authorize_scopes", "profile email");
        SignInStart start = provider.begin(settings(details), new SignInRequest(CALLBACK, "engine-state",
                Optional.of("alice.liddell@gmail.com")));

        Map<String, List<String>> query = Browser.parameters(((Outgoing.Redirect) start.outgoing()).location());
        assertEquals("openid profile email", Browser.single(query, "scope"));
        assertEquals("code", Browser.single(query, "response_type"));
        assertEquals("engine-state", Browser.single(query, "state"));
        assertEquals("alice.liddell@gmail.com", Browser.single(query, "login_hint"));
        PendingSignIn pending = PendingSignIn.fromJson(GoogleFederationProvider.FORMAT, start.pendingState());
        assertEquals(pending.nonce().getValue(), Browser.single(query, "nonce"));
        assertEquals(CodeChallenge.compute(CodeChallengeMethod.S256, pending.codeVerifier()).getValue(),
                Browser.single(query, "code_challenge"));
    }

    @Test
    void completeWhenSignedInThenTheIdTokensClaimsAsText() throws Exception {
        UpstreamIdentity identity = signIn(workingDetails());

        assertEquals(SUBJECT, identity.claims().get("sub"));
        assertEquals("alice.liddell@gmail.com", identity.claims().get("email"));
        assertEquals("true", identity.claims().get("email_verified"));
        assertEquals("Alice Liddell", identity.claims().get("name"));
        assertEquals("Liddell", identity.claims().get("family_name"));
        assertEquals("https://accounts.google.com", identity.claims().get("iss"));
        assertTrue(identity.signOutHint().isEmpty(), "Google has no end-session endpoint");
    }

    @Test
    void completeWhenTheIdTokenNamesGoogleWithoutSchemeThenTaken() throws Exception {
        UpstreamIdentity identity = signIn(details("google-bare", "google-bare"));

        assertEquals(SUBJECT, identity.subject());
        assertEquals("accounts.google.com", identity.claims().get("iss"));
    }

    @Test
    void completeWhenGooglesClaimsAreSignedByAnotherKeyThenRefused() {
        FederationException refused = assertThrows(FederationException.class,
                () -> signIn(details("forger", "google")));
        assertEquals(Reason.INVALID_RESPONSE, refused.reason());
    }

    @Test
    void completeWhenTheIdTokenIsOfAnotherIssuerThenRefused() {
        FederationException refused = assertThrows(FederationException.class,
                () -> signIn(details("other", "other")));
        assertEquals(Reason.INVALID_RESPONSE, refused.reason());
        assertTrue(refused.getMessage().contains("issuer"), refused.getMessage());
    }

    @Test
    void completeWhenTheCallbackNamesAnotherIssuerThenRefusedBeforeTheCodeIsSent() throws Exception {
        IdentityProviderSettings settings = settings(workingDetails());
        SignInStart start = provider.begin(settings, new SignInRequest(CALLBACK, "s-iss", Optional.empty()));
        Map<String, List<String>> parameters = new HashMap<>(Browser.signIn(start.outgoing(), CALLBACK));
        parameters.put("iss", List.of("https://evil.example.test"));

        FederationException refused = assertThrows(FederationException.class,
                () -> provider.complete(settings, new Callback(CALLBACK, parameters), start.pendingState()));
        assertEquals(Reason.INVALID_RESPONSE, refused.reason());
    }

    @Test
    void factoryWhenTheJarIsOnTheClassPathThenListedUnderGoogle() throws Exception {
        assertDiscovered(GoogleFederationProviderFactory.class, "google");
    }

}
