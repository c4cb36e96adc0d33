package io.gatehouse.providers.federation.saml;

import io.gatehouse.api.federation.Callback;
import io.gatehouse.api.federation.DetailKey;
import io.gatehouse.api.federation.FederationProviderFactory;
import io.gatehouse.api.federation.IdentityProviderSettings;
import io.gatehouse.api.federation.InvalidProviderDetailsException;
import io.gatehouse.api.federation.LocalParty;
import io.gatehouse.api.federation.Outgoing;
import io.gatehouse.api.federation.SignInRequest;
import io.gatehouse.api.federation.SignInStart;
import io.gatehouse.api.federation.UpstreamIdentity;
import io.gatehouse.api.testing.FederationProviderContract;
import io.gatehouse.federation.saml.testing.ReceivedMessage;
import io.gatehouse.federation.saml.testing.TestSamlIdp;
import org.junit.jupiter.api.Test;
import org.opensaml.saml.common.xml.SAMLConstants;
import org.opensaml.saml.saml2.core.AuthnRequest;
import org.opensaml.saml.saml2.core.StatusCode;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The federation contract for {@code SAML}, against the test IdP (signed assertions by HTTP-POST), and what begin
 * sends the IdP.
 */
class SamlFederationProviderTest extends FederationProviderContract {

    private final LocalParty sp = SamlTestbed.SharedKeys.SP;
    private final TestSamlIdp idp = new TestSamlIdp(TestSamlIdp.DEFAULT_ENTITY_ID, SamlTestbed.SharedKeys.IDP,
            URI.create("https://idp.example.test"), java.time.Clock.systemUTC());

    @Override
    protected FederationProviderFactory newFactory() {
        return new SamlFederationProviderFactory();
    }

    @Override
    protected Map<String, String> workingDetails() {
        return Map.of("MetadataFile", idp.metadataXml(), "IDPSignout", "true");
    }

    @Override
    protected IdentityProviderSettings idp() throws InvalidProviderDetailsException {
        return super.idp().withLocalParty(sp);
    }

    /** The IdP signs the user in and posts its Response to the ACS, as the browser would. */
    @Override
    protected Map<String, List<String>> signInUpstream(Outgoing outgoing) {
        ReceivedMessage request = idp.read(outgoing);
        return idp.response(sp).inResponseTo(request.id()).post(request.relayState().orElse(null));
    }

    @Override
    protected String expectedSubject() {
        return "alice@example.test";
    }

    /** SAML identifies its IdP by metadata: a URL or a document, neither a secret. */
    @Override
    protected void assertKeysIdentifyTheIdp(List<DetailKey> keys) {
        for (String name : List.of("MetadataURL", "MetadataFile")) {
            assertTrue(keys.stream().anyMatch(k -> k.name().equals(name) && !k.secret() && k.returned()), name);
        }
    }

    /** The user refused: a Response with the status Responder/RequestDenied. */
    @Override
    protected Map<String, List<String>> accessDeniedCallback(SignInStart start) {
        ReceivedMessage request = idp.read(start.outgoing());
        return idp.response(sp).inResponseTo(request.id()).status(StatusCode.RESPONDER, StatusCode.REQUEST_DENIED)
                .post(request.relayState().orElse(null));
    }

    @Test
    void beginWhenDefaultsThenAnUnsignedAuthnRequestByRedirectForThePoolsAcs() throws Exception {
        SignInStart start = provider.begin(idp(), new SignInRequest(CALLBACK, "the-state", Optional.empty()));

        ReceivedMessage received = idp.read(start.outgoing());
        AuthnRequest request = received.as(AuthnRequest.class);
        assertEquals(idp.ssoUrl().toString(), received.target().toString().replaceAll("\\?.*", ""));
        assertEquals(idp.ssoUrl().toString(), request.getDestination());
        assertEquals(sp.assertionConsumerUri().toString(), request.getAssertionConsumerServiceURL());
        assertEquals(SAMLConstants.SAML2_POST_BINDING_URI, request.getProtocolBinding());
        assertEquals(sp.entityId(), request.getIssuer().getValue());
        assertTrue(request.getNameIDPolicy().getAllowCreate());
        assertEquals(Optional.of("the-state"), received.relayState());
        assertFalse(received.rawQuery().orElseThrow().contains("Signature="));
        assertTrue(start.pendingState().contains(request.getID()));
        assertTrue(Math.abs(request.getIssueInstant().getEpochSecond() - Instant.now().getEpochSecond()) < 5);
    }

    @Test
    void beginWhenRequestSigningAlgorithmThenTheQueryIsSignedWithThePoolsActiveKey() throws Exception {
        IdentityProviderSettings settings = new IdentityProviderSettings(POOL, "Corp", "SAML",
                provider.configure(Map.of("MetadataFile", idp.metadataXml(), "RequestSigningAlgorithm", "rsa-sha256")),
                List.of(), Optional.of(sp));

        ReceivedMessage received = idp.read(provider.begin(settings,
                new SignInRequest(CALLBACK, "s", Optional.empty())).outgoing());

        assertTrue(received.rawQuery().orElseThrow().contains("&SigAlg="));
        assertTrue(received.querySignatureVerifies(sp.activeSigning().certificate()));
        assertFalse(received.querySignatureVerifies(SamlTestbed.SharedKeys.OTHER.certificate()));
    }

    @Test
    void beginWhenTheMetadataWantsSignedRequestsThenSigned() throws Exception {
        IdentityProviderSettings settings = new IdentityProviderSettings(POOL, "Corp", "SAML",
                provider.configure(Map.of("MetadataFile", idp.metadata().wantAuthnRequestsSigned().xml())),
                List.of(), Optional.of(sp));

        ReceivedMessage received = idp.read(provider.begin(settings,
                new SignInRequest(CALLBACK, "s", Optional.empty())).outgoing());

        assertTrue(received.querySignatureVerifies(sp.activeSigning().certificate()));
    }

    @Test
    void beginWhenTheIdpTakesOnlyPostThenAFormPostOfASignedRequest() throws Exception {
        IdentityProviderSettings settings = new IdentityProviderSettings(POOL, "Corp", "SAML",
                provider.configure(Map.of("MetadataFile", idp.metadata().postOnly().xml())), List.of(),
                Optional.of(sp));

        SignInStart start = provider.begin(settings, new SignInRequest(CALLBACK, "s", Optional.empty()));

        Outgoing.FormPost form = assertInstanceOf(Outgoing.FormPost.class, start.outgoing());
        assertEquals(idp.ssoUrl(), form.action());
        assertEquals("s", form.fields().get("RelayState"));
        ReceivedMessage received = idp.read(form);
        assertTrue(received.xmlSigned());
    }

    @Test
    void completeWhenSignedInThenClaimsAReplayKeyAndASignOutHint() throws Exception {
        SignInStart start = provider.begin(idp(), new SignInRequest(CALLBACK, "s", Optional.empty()));
        ReceivedMessage request = idp.read(start.outgoing());
        Map<String, List<String>> form = idp.response(sp).inResponseTo(request.id())
                .attribute("email", "alice@example.test")
                .attribute("groups", "staff", "admins")
                .post("s");

        UpstreamIdentity identity = provider.complete(idp(), new Callback(CALLBACK, form), start.pendingState());

        assertEquals("alice@example.test", identity.subject());
        assertEquals("alice@example.test", identity.claims().get("email"));
        assertEquals("[\"staff\",\"admins\"]", identity.claims().get("groups"));
        assertTrue(identity.replayKey().isPresent());
        assertTrue(identity.replayKey().get().until().isAfter(Instant.now()));
        assertTrue(identity.signOutHint().orElseThrow().contains("n=alice%40example.test"));
        assertFalse(identity.toString().contains("staff"));
    }

    @Test
    void issuerWhenConfiguredThenTheIdpsEntityIdWhichDescribeDoesNotShow() throws Exception {
        Map<String, String> stored = provider.configure(workingDetails());

        assertEquals(Optional.of(idp.entityId()), provider.issuer(stored));
        assertFalse(provider.detailKeys().stream().filter(k -> k.name().equals("IdpEntityId")).findFirst()
                .orElseThrow().returned());
    }

    @Test
    void claimedIssuerWhenAPostedResponseThenItsIssuerUnchecked() {
        Map<String, List<String>> form = idp.response(sp).signed(
                io.gatehouse.federation.saml.testing.SamlResponseBuilder.Signed.NONE).post(null);

        assertEquals(Optional.of(idp.entityId()), provider.claimedIssuer(new Callback(CALLBACK, form)));
        assertEquals(Optional.empty(), provider.claimedIssuer(new Callback(CALLBACK,
                Map.of("SAMLResponse", List.of("bm90IHhtbA==")))));
        assertEquals(Optional.empty(), provider.claimedIssuer(new Callback(CALLBACK, Map.of())));
    }

    @Test
    void claimedIssuerWhenARedirectedLogoutRequestThenItsIssuer() {
        String query = idp.logoutRequest(sp, "alice@example.test").redirectQuery("r");

        assertEquals(Optional.of(idp.entityId()), provider.claimedIssuer(new Callback(sp.singleLogoutUri(),
                Map.of(), Optional.of(query))));
    }

    @Test
    void acceptsUnsolicitedWhenIdpInitIsTrueOnly() throws Exception {
        assertFalse(provider.acceptsUnsolicited(idp()));
        IdentityProviderSettings allowed = new IdentityProviderSettings(POOL, "Corp", "SAML",
                provider.configure(Map.of("MetadataFile", idp.metadataXml(), "IDPInit", "true")), List.of(),
                Optional.of(sp));
        assertTrue(provider.acceptsUnsolicited(allowed));
        assertTrue(provider.callbackIsFormPost(allowed));
    }
}
