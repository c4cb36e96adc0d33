package io.gatehouse.providers.federation.oidc;

import com.nimbusds.jwt.JWTParser;
import com.nimbusds.oauth2.sdk.pkce.CodeChallenge;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import io.gatehouse.api.federation.Callback;
import io.gatehouse.api.federation.FederationException;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The contract, against a real OpenID Provider in this JVM (NAV's mock-oauth2-server: discovery, authorize with
 * automatic sign-in, token with PKCE, JWKS, userinfo), and what is particular to OIDC on it.
 */
class OidcFederationProviderTest extends ProviderTestBase {

    private static final String ISSUER_ID = "contract-idp";
    private static final String SUBJECT = "alice-at-upstream";
    private static MockOAuth2Server server;

    @BeforeAll
    static void startIdp() {
        // Every token the issuer gives for an authorization code names the same user.
        server = new MockOAuth2Server(new OAuth2Config(false, null, null, false,
                new no.nav.security.mock.oauth2.token.OAuth2TokenProvider(),
                Set.of(new DefaultOAuth2TokenCallback(ISSUER_ID, SUBJECT, "JWT", null,
                        Map.of("email", "alice@example.com", "email_verified", true)))));
        server.start();
    }

    @AfterAll
    static void stopIdp() {
        server.shutdown();
    }

    @Override
    protected FederationProviderFactory newFactory() {
        return new OidcFederationProviderFactory();
    }

    @Override
    protected Map<String, String> workingDetails() {
        Map<String, String> details = new HashMap<>();
        details.put("client_id", "gatehouse-contract");
        details.put("client_secret", "contract-client-secret-42");
        details.put("authorize_scopes", "openid email profile");
        details.put("attributes_request_method", "GET");
        details.put("oidc_issuer", server.issuerUrl(ISSUER_ID).toString());
        return details;
    }

    @Override
    protected String expectedSubject() {
        return SUBJECT;
    }

    @Test
    void beginWhenSignInThenCodeFlowWithPkceS256NonceAndTheEnginesState() throws Exception {
        SignInStart start = provider.begin(idp(), new SignInRequest(CALLBACK, "engine-state-1",
                Optional.of("alice@example.com")));

        URI location = ((Outgoing.Redirect) start.outgoing()).location();
        Map<String, List<String>> query = Browser.parameters(location);
        assertTrue(location.toString().startsWith(server.authorizationEndpointUrl(ISSUER_ID) + "?"),
                location.toString());
        assertEquals("code", Browser.single(query, "response_type"));
        assertEquals("gatehouse-contract", Browser.single(query, "client_id"));
        assertEquals(CALLBACK.toString(), Browser.single(query, "redirect_uri"));
        assertEquals("openid email profile", Browser.single(query, "scope"));
        assertEquals("engine-state-1", Browser.single(query, "state"));
        assertEquals("alice@example.com", Browser.single(query, "login_hint"));
        assertEquals("S256", Browser.single(query, "code_challenge_method"));
        PendingSignIn pending = PendingSignIn.fromJson(OidcFederationProvider.FORMAT, start.pendingState());
        assertEquals(pending.nonce().getValue(), Browser.single(query, "nonce"));
        assertEquals(CodeChallenge.compute(CodeChallengeMethod.S256, pending.codeVerifier()).getValue(),
                Browser.single(query, "code_challenge"));
        assertTrue(pending.codeVerifier().getValue().length() >= 43, "a verifier of 256 bits");
    }

    @Test
    void completeWhenSignedInThenClaimsAsTextAndTheIdTokenAsSignOutHint() throws Exception {
        UpstreamIdentity identity = signIn(idp());

        assertEquals(SUBJECT, identity.claims().get("sub"));
        assertEquals("alice@example.com", identity.claims().get("email"));
        assertEquals("true", identity.claims().get("email_verified"));
        assertEquals(server.issuerUrl(ISSUER_ID).toString(), identity.claims().get("iss"));
        assertTrue(identity.claims().get("exp").matches("\\d{10}"), identity.claims().get("exp"));
        assertEquals(SUBJECT, JWTParser.parse(identity.signOutHint().orElseThrow()).getJWTClaimsSet().getSubject());
    }

    @Test
    void completeWhenTheSameCallbackComesTwiceThenTheIdpRefusesTheUsedCode() throws Exception {
        SignInStart start = provider.begin(idp(), new SignInRequest(CALLBACK, "s-twice", Optional.empty()));
        Callback callback = new Callback(CALLBACK, Browser.signIn(start.outgoing(), CALLBACK));
        provider.complete(idp(), callback, start.pendingState());

        FederationException refused = assertThrows(FederationException.class,
                () -> provider.complete(idp(), callback, start.pendingState()));
        assertEquals(FederationException.Reason.INVALID_RESPONSE, refused.reason());
    }

    @Test
    void completeWhenAnotherSignInsCodeWithItsNonceButAnotherVerifierThenTheIdpRefusesIt() throws Exception {
        // The real IdP checks the verifier we send against the challenge we sent: PKCE alone stops the injection.
        SignInStart mine = provider.begin(idp(), new SignInRequest(CALLBACK, "s-mine", Optional.empty()));
        SignInStart theirs = provider.begin(idp(), new SignInRequest(CALLBACK, "s-theirs", Optional.empty()));
        Callback theirCallback = new Callback(CALLBACK, Browser.signIn(theirs.outgoing(), CALLBACK));
        String forged = new PendingSignIn(OidcFederationProvider.FORMAT,
                PendingSignIn.fromJson(OidcFederationProvider.FORMAT, mine.pendingState()).codeVerifier(),
                PendingSignIn.fromJson(OidcFederationProvider.FORMAT, theirs.pendingState()).nonce()).toJson();

        FederationException refused = assertThrows(FederationException.class,
                () -> provider.complete(idp(), theirCallback, forged));
        assertEquals(FederationException.Reason.INVALID_RESPONSE, refused.reason());
        assertTrue(refused.getMessage().contains("token endpoint"), refused.getMessage());
    }

    @Test
    void signOutWhenTheIdpHasAnEndSessionEndpointThenThereWithHintClientAndReturn() throws Exception {
        UpstreamIdentity identity = signIn(idp());
        URI returnTo = URI.create("https://auth.example.test/logout/done");
        Map<String, String> details = new java.util.HashMap<>(idp().details());
        details.put("idp_signout", "true");
        IdentityProviderSettings signingOut = new IdentityProviderSettings(POOL, "Contract", provider.providerType(),
                details, List.of());

        URI signOut = provider.signOut(signingOut, identity.signOutHint(), returnTo).orElseThrow();

        assertTrue(signOut.toString().startsWith(server.endSessionEndpointUrl(ISSUER_ID) + "?"), signOut.toString());
        Map<String, List<String>> query = Browser.parameters(signOut);
        assertEquals(identity.signOutHint().orElseThrow(), Browser.single(query, "id_token_hint"));
        assertEquals(returnTo.toString(), Browser.single(query, "post_logout_redirect_uri"));
        assertEquals("gatehouse-contract", Browser.single(query, "client_id"));
    }
}
