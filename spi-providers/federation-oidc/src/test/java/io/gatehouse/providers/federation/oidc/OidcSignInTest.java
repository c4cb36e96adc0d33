package io.gatehouse.providers.federation.oidc;

import io.gatehouse.api.federation.Callback;
import io.gatehouse.api.federation.FederationException;
import io.gatehouse.api.federation.FederationException.Reason;
import io.gatehouse.api.federation.IdentityProviderSettings;
import io.gatehouse.api.federation.InvalidProviderDetailsException;
import io.gatehouse.api.federation.Outgoing;
import io.gatehouse.api.federation.SignInStart;
import io.gatehouse.api.federation.UpstreamIdentity;
import io.gatehouse.providers.federation.oauth.testing.Browser;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Sign-ins through a scripted IdP: client authentication, userinfo, claims, signing keys, failures, sign-out. */
class OidcSignInTest extends ScriptedIdpTestBase {

    @Test
    void completeWhenClientSecretThenHttpBasicWithTheVerifier() throws Exception {
        signIn();

        ScriptedIdp.TokenCall call = idp.tokenCalls.get(0);
        String basic = Base64.getEncoder().encodeToString(
                (ScriptedIdp.CLIENT_ID + ":" + ScriptedIdp.CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
        assertEquals("Basic " + basic, call.authorization());
        assertEquals("authorization_code", Browser.single(call.form(), "grant_type"));
        assertEquals(CALLBACK.toString(), Browser.single(call.form(), "redirect_uri"));
        assertTrue(call.form().containsKey("code_verifier"));
        assertFalse(call.form().containsKey("client_secret"));
    }

    @Test
    void completeWhenTheIdpTakesTheSecretOnlyInTheFormThenClientSecretPost() throws Exception {
        idp.discoveryChanges.put("token_endpoint_auth_methods_supported", List.of("client_secret_post"));

        signIn();

        ScriptedIdp.TokenCall call = idp.tokenCalls.get(0);
        assertNull(call.authorization());
        assertEquals(ScriptedIdp.CLIENT_ID, Browser.single(call.form(), "client_id"));
        assertEquals(ScriptedIdp.CLIENT_SECRET, Browser.single(call.form(), "client_secret"));
    }

    @Test
    void completeWhenNoClientSecretThenAPublicClientWithPkceAlone() throws Exception {
        Map<String, String> details = idp.details();
        details.remove("client_secret");

        UpstreamIdentity identity = signIn(settings(details));

        assertEquals(ScriptedIdp.SUBJECT, identity.subject());
        ScriptedIdp.TokenCall call = idp.tokenCalls.get(0);
        assertNull(call.authorization());
        assertEquals(ScriptedIdp.CLIENT_ID, Browser.single(call.form(), "client_id"));
        assertFalse(call.form().containsKey("client_secret"));
        assertTrue(call.form().containsKey("code_verifier"));
    }

    @Test
    void completeWhenSignedInThenIdTokenAndUserinfoClaimsAsTextUserinfoWinning() throws Exception {
        idp.userInfo = Map.of("sub", ScriptedIdp.SUBJECT, "email", "alice@new.example.com", "given_name", "Alice",
                "zoneinfo", "Europe/Oslo");

        UpstreamIdentity identity = signIn();

        Map<String, String> claims = identity.claims();
        assertEquals(ScriptedIdp.SUBJECT, identity.subject());
        assertEquals("Alice", claims.get("given_name"));
        assertEquals("alice@new.example.com", claims.get("email"));
        assertEquals("true", claims.get("email_verified"));
        assertEquals("{\"country\":\"NO\"}", claims.get("address"));
        assertEquals("[\"staff\",\"admins\"]", claims.get("groups"));
        assertEquals(ScriptedIdp.CLIENT_ID, claims.get("aud"));
        assertEquals(List.of("GET"), idp.userInfoMethods);
    }

    @Test
    void completeWhenAttributesRequestMethodIsPostThenUserinfoIsPosted() throws Exception {
        Map<String, String> details = idp.details();
        details.put("attributes_request_method", "POST");

        signIn(settings(details));

        assertEquals(List.of("POST"), idp.userInfoMethods);
    }

    @Test
    void completeWhenTheIdpHasNoUserinfoEndpointThenTheIdTokenAlone() throws Exception {
        idp.discoveryChanges.put("userinfo_endpoint", null);

        UpstreamIdentity identity = signIn();

        assertEquals("alice@example.com", identity.claims().get("email"));
        assertEquals(List.of(), idp.userInfoMethods);
    }

    @Test
    void completeWhenSignInsFollowThenTheSigningKeysAreFetchedOnce() throws Exception {
        IdentityProviderSettings settings = settings();
        signIn(settings);
        signIn(settings);

        assertEquals(1, idp.jwksFetches.get());
    }

    @Test
    void completeWhenTheIdpRotatedItsKeyThenTheNewKeyIsFetchedAndTheSignInWorks() throws Exception {
        IdentityProviderSettings settings = settings();
        signIn(settings);
        idp.signingKey = ScriptedIdp.newKey("idp-key-2");

        UpstreamIdentity identity = signIn(settings);

        assertEquals(ScriptedIdp.SUBJECT, identity.subject());
        assertEquals(2, idp.jwksFetches.get());
    }

    @Test
    void completeWhenTheTokenEndpointAnswersAServerErrorThenUnavailable() throws Exception {
        idp.tokenStatus = 503;

        refused(Reason.UNAVAILABLE);
    }

    @Test
    void completeWhenTheIdpIsDownThenUnavailable() throws Exception {
        IdentityProviderSettings settings = settings();
        SignInStart start = begin(settings);
        Callback callback = new Callback(CALLBACK, Browser.signIn(start.outgoing(), CALLBACK));
        idp.close();

        FederationException refused = assertThrows(FederationException.class,
                () -> provider.complete(settings, callback, start.pendingState()));
        assertEquals(Reason.UNAVAILABLE, refused.reason());
    }

    @Test
    void completeWhenTheTokenAnswerHasNoIdTokenThenInvalidResponse() throws Exception {
        idp.idTokens = grant -> null;

        assertTrue(refused(Reason.INVALID_RESPONSE).getMessage().contains("without an ID token"));
    }

    @Test
    void completeWhenTheIdpAnswersAnotherErrorThenIdpErrorNamingIt() throws Exception {
        IdentityProviderSettings settings = settings();
        SignInStart start = begin(settings);

        FederationException refused = assertThrows(FederationException.class, () -> provider.complete(settings,
                new Callback(CALLBACK, Map.of("error", List.of("temporarily_unavailable"))), start.pendingState()));
        assertEquals(Reason.IDP_ERROR, refused.reason());
        assertTrue(refused.getMessage().contains("temporarily_unavailable"), refused.getMessage());
    }

    @Test
    void completeWhenTheErrorCodeIsNotAnOauthErrorCodeThenItIsNotShown() throws Exception {
        IdentityProviderSettings settings = settings();
        SignInStart start = begin(settings);
        String markup = "<script>alert(1)</script>\"";

        FederationException refused = assertThrows(FederationException.class, () -> provider.complete(settings,
                new Callback(CALLBACK, Map.of("error", List.of(markup))), start.pendingState()));
        assertEquals(Reason.IDP_ERROR, refused.reason());
        assertFalse(refused.getMessage().contains("<script>"), refused.getMessage());
    }

    @Test
    void beginWhenTheAuthorizeUrlHasAQueryThenItIsKept() throws Exception {
        Map<String, String> details = idp.details();
        details.put("authorize_url", idp.issuer() + "/authorize?p=b2c_1_signin");

        SignInStart start = begin(settings(details));

        URI location = ((Outgoing.Redirect) start.outgoing()).location();
        assertEquals("b2c_1_signin", Browser.single(Browser.parameters(location), "p"));
        assertEquals("code", Browser.single(Browser.parameters(location), "response_type"));
    }

    @Test
    void signOutWhenNoHintThenStillTheClientAndWhereToReturn() throws Exception {
        URI returnTo = URI.create("https://app.example.test/signed-out");

        URI signOut = provider.signOut(signingOut(), Optional.empty(), returnTo).orElseThrow();

        Map<String, List<String>> query = Browser.parameters(signOut);
        assertTrue(signOut.toString().startsWith(idp.issuer() + "/logout?"), signOut.toString());
        assertFalse(query.containsKey("id_token_hint"));
        assertEquals(ScriptedIdp.CLIENT_ID, Browser.single(query, "client_id"));
        assertEquals(returnTo.toString(), Browser.single(query, "post_logout_redirect_uri"));
    }

    @Test
    void signOutWhenTheIdpHasNoEndSessionEndpointThenNowhere() throws Exception {
        idp.discoveryChanges.put("end_session_endpoint", null);

        assertEquals(Optional.empty(), provider.signOut(signingOut(), Optional.of("x.y.z"),
                URI.create("https://app.example.test/signed-out")));
    }

    @Test
    void signOutWhenTheIdpHasNotTurnedIdpSignoutOnThenNowhere() throws Exception {
        assertEquals(Optional.empty(), provider.signOut(settings(), Optional.of("x.y.z"),
                URI.create("https://app.example.test/signed-out")));
    }

    @Test
    void configureWhenIdpSignoutIsNeitherTrueNorFalseThenRefused() {
        Map<String, String> details = idp.details();
        details.put("idp_signout", "yes");

        assertThrows(InvalidProviderDetailsException.class, () -> provider.configure(details));
    }

    /** The IdP with {@code idp_signout} on: /logout continues at its end_session_endpoint. */
    private IdentityProviderSettings signingOut() throws InvalidProviderDetailsException {
        Map<String, String> details = idp.details();
        details.put("idp_signout", "true");
        return settings(details);
    }
}
