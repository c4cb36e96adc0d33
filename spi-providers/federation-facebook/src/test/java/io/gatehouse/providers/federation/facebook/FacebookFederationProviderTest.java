package io.gatehouse.providers.federation.facebook;

import com.nimbusds.oauth2.sdk.pkce.CodeChallenge;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import io.gatehouse.api.federation.FederationException;
import io.gatehouse.api.federation.FederationException.Reason;
import io.gatehouse.api.federation.FederationProviderFactory;
import io.gatehouse.api.federation.InvalidProviderDetailsException;
import io.gatehouse.api.federation.Outgoing;
import io.gatehouse.api.federation.SignInRequest;
import io.gatehouse.api.federation.SignInStart;
import io.gatehouse.api.federation.UpstreamIdentity;
import io.gatehouse.providers.federation.oauth.PendingSignIn;
import io.gatehouse.providers.federation.oauth.testing.Browser;
import io.gatehouse.providers.federation.oauth.testing.ProviderTestBase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.gatehouse.providers.federation.facebook.FacebookStandIn.APP_ID;
import static io.gatehouse.providers.federation.facebook.FacebookStandIn.APP_SECRET;
import static io.gatehouse.providers.federation.facebook.FacebookStandIn.VERSION;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The contract and Facebook's own cases against {@link FacebookStandIn}. */
class FacebookFederationProviderTest extends ProviderTestBase {

    private static FacebookStandIn facebook;

    @BeforeAll
    static void startFacebook() throws Exception {
        facebook = new FacebookStandIn();
    }

    @AfterAll
    static void stopFacebook() {
        facebook.close();
    }

    @AfterEach
    void standInKeptItsProtocol() {
        assertTrue(facebook.failures().isEmpty(), () -> "the stand-in failed: " + facebook.failures());
        facebook.graphStatus = null;
        facebook.proofSecret = APP_SECRET;
    }

    @Override
    protected FederationProviderFactory newFactory() {
        return new FacebookFederationProviderFactory();
    }

    @Override
    protected Map<String, String> workingDetails() {
        Map<String, String> details = new HashMap<>();
        details.put("client_id", APP_ID);
        details.put("client_secret", APP_SECRET);
        details.put("authorize_scopes", "public_profile, email");
        details.put("api_version", VERSION);
        details.put("authorize_url", facebook.url() + "/" + VERSION + "/dialog/oauth");
        details.put("token_url", facebook.url() + "/" + VERSION + "/oauth/access_token");
        details.put("attributes_url", facebook.url() + "/" + VERSION + "/me?fields=");
        return details;
    }

    @Override
    protected String expectedSubject() {
        return "10158532795912345";
    }

    @Test
    void configureWhenTheApiVersionIsGivenThenCognitosFacebookEndpointsOfThatVersion() throws Exception {
        Map<String, String> stored = provider.configure(Map.of("client_id", APP_ID, "client_secret", "s",
                "authorize_scopes", "public_profile, email", "api_version", "v17.0"));

        assertEquals("https://www.facebook.com/v17.0/dialog/oauth", stored.get("authorize_url"));
        assertEquals("https://graph.facebook.com/v17.0/oauth/access_token", stored.get("token_url"));
        assertEquals("https://graph.facebook.com/v17.0/me?fields=", stored.get("attributes_url"));
        assertEquals("true", stored.get("attributes_url_add_attributes"));
        assertEquals(Map.of("username", "id"), provider.fixedAttributeMapping());
    }

    @Test
    void configureWhenNoApiVersionThenFacebooksUnversionedEndpoints() throws Exception {
        Map<String, String> stored = provider.configure(Map.of("client_id", APP_ID, "client_secret", "s",
                "authorize_scopes", "email"));

        assertEquals("https://www.facebook.com/dialog/oauth", stored.get("authorize_url"));
        assertEquals("https://graph.facebook.com/me?fields=", stored.get("attributes_url"));
    }

    @Test
    void reconfigureWhenTheApiVersionChangesThenTheFilledEndpointsFollowIt() throws Exception {
        Map<String, String> stored = provider.configure(Map.of("client_id", APP_ID, "client_secret", "s",
                "authorize_scopes", "email", "api_version", "v17.0"));

        Map<String, String> updated = provider.reconfigure(Map.of("api_version", "v19.0"), stored);

        assertEquals("https://graph.facebook.com/v19.0/oauth/access_token", updated.get("token_url"));
        assertEquals("https://www.facebook.com/v19.0/dialog/oauth", updated.get("authorize_url"));
    }

    @Test
    void configureWhenTheApiVersionIsMalformedThenRefusedNamingIt() {
        Map<String, String> details = workingDetails();
        details.put("api_version", "17");

        InvalidProviderDetailsException refused = assertThrows(InvalidProviderDetailsException.class,
                () -> provider.configure(details));
        assertTrue(refused.getMessage().contains("api_version"), refused.getMessage());
    }

    @Test
    void beginWhenSignInThenTheDialogWithCommaSeparatedPermissionsPkceAndState() throws Exception {
        SignInStart start = provider.begin(idp(), new SignInRequest(CALLBACK, "engine-state", Optional.empty()));

        Map<String, List<String>> query = Browser.parameters(((Outgoing.Redirect) start.outgoing()).location());
        assertEquals("public_profile,email", Browser.single(query, "scope"));
        assertEquals("code", Browser.single(query, "response_type"));
        assertEquals(APP_ID, Browser.single(query, "client_id"));
        assertEquals("engine-state", Browser.single(query, "state"));
        PendingSignIn pending = PendingSignIn.fromJson(FacebookFederationProvider.FORMAT, start.pendingState());
        assertEquals(CodeChallenge.compute(CodeChallengeMethod.S256, pending.codeVerifier()).getValue(),
                Browser.single(query, "code_challenge"));
    }

    @Test
    void completeWhenSignedInThenTheDefaultFieldsWithTheProofAndThemAsClaims() throws Exception {
        UpstreamIdentity identity = signIn(workingDetails());

        Map<String, List<String>> call = facebook.graphCalls.get(facebook.graphCalls.size() - 1);
        assertEquals(GraphRequests.DEFAULT_FIELDS, Browser.single(call, "fields"));
        assertFalse(call.containsKey("access_token"), "the token goes in the Authorization header, not the URL");
        assertEquals("alice@example.com", identity.claims().get("email"));
        assertEquals("Liddell", identity.claims().get("last_name"));
        assertEquals("10158532795912345", identity.claims().get("id"));
        assertTrue(identity.claims().get("picture").startsWith("{\"data\":"), identity.claims().get("picture"));
        assertFalse(identity.claims().containsKey("birthday"), "not asked for");
    }

    @Test
    void completeWhenTheAttributesUrlNamesFieldsThenThoseAndTheId() throws Exception {
        Map<String, String> details = workingDetails();
        details.put("attributes_url", facebook.url() + "/" + VERSION + "/me?fields=email,birthday");

        UpstreamIdentity identity = signIn(details);

        assertEquals(Map.of("id", "10158532795912345", "email", "alice@example.com", "birthday", "05/04/1990"),
                identity.claims());
    }

    @Test
    void completeWhenGraphRefusesTheProofThenInvalidResponse() {
        facebook.proofSecret = "another-apps-secret";

        FederationException refused = assertThrows(FederationException.class, () -> signIn(workingDetails()));
        assertEquals(Reason.INVALID_RESPONSE, refused.reason());
        assertTrue(refused.getMessage().contains("GraphMethodException 100"), refused.getMessage());
        assertFalse(refused.getMessage().contains("appsecret_proof provided"), "Graph's message is not echoed");
    }

    @Test
    void completeWhenGraphAnswersAServerErrorThenUnavailable() {
        facebook.graphStatus = 500;

        FederationException refused = assertThrows(FederationException.class, () -> signIn(workingDetails()));
        assertEquals(Reason.UNAVAILABLE, refused.reason());
    }

    @Test
    void completeWhenGraphAnswersAnErrorThenInvalidResponseNamingItsTypeAndCode() {
        facebook.graphStatus = 400;

        FederationException refused = assertThrows(FederationException.class, () -> signIn(workingDetails()));
        assertEquals(Reason.INVALID_RESPONSE, refused.reason());
        assertTrue(refused.getMessage().contains("OAuthException 2"), refused.getMessage());
    }

    @Test
    void completeWhenTheProfileHasNoIdThenInvalidResponse() {
        Map<String, Object> user = facebook.user;
        Map<String, Object> withoutId = new HashMap<>(user);
        withoutId.remove("id");
        facebook.user = withoutId;
        try {
            FederationException refused = assertThrows(FederationException.class, () -> signIn(workingDetails()));
            assertEquals(Reason.INVALID_RESPONSE, refused.reason());
            assertTrue(refused.getMessage().contains("id"), refused.getMessage());
        } finally {
            facebook.user = user;
        }
    }

    @Test
    void completeWhenTheAppSecretIsWrongThenTheTokenEndpointRefusesTheCode() {
        Map<String, String> details = workingDetails();
        details.put("client_secret", "not-the-app-secret");

        FederationException refused = assertThrows(FederationException.class, () -> signIn(details));
        assertEquals(Reason.INVALID_RESPONSE, refused.reason());
        assertTrue(refused.getMessage().contains("token endpoint"), refused.getMessage());
    }

    @Test
    void proofWhenComputedThenFacebooksHmacSha256OfTheTokenKeyedByTheSecret() throws Exception {
        assertEquals(FacebookStandIn.proof("s3cret", "EAABtoken"), GraphRequests.proof("s3cret", "EAABtoken"));
    }

    @Test
    void factoryWhenTheJarIsOnTheClassPathThenListedUnderFacebook() throws Exception {
        assertDiscovered(FacebookFederationProviderFactory.class, "facebook");
    }

}
