package io.gatehouse.providers.federation.saml;

import io.gatehouse.api.federation.FederationException;
import io.gatehouse.api.federation.FederationException.Reason;
import io.gatehouse.api.federation.IdentityProviderSettings;
import io.gatehouse.api.federation.Outgoing;
import io.gatehouse.api.federation.SignOutRequest;
import io.gatehouse.api.federation.SignOutStart;
import io.gatehouse.api.federation.UpstreamIdentity;
import io.gatehouse.api.federation.UpstreamSignOut;
import io.gatehouse.federation.saml.testing.ReceivedMessage;
import io.gatehouse.federation.saml.testing.TestSaml;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.opensaml.saml.saml2.core.LogoutRequest;
import org.opensaml.saml.saml2.core.LogoutResponse;
import org.opensaml.saml.saml2.core.StatusCode;
import org.opensaml.xmlsec.signature.support.SignatureConstants;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Single logout both ways: the pool's LogoutRequest and the IdP's answer (HTTP-Redirect, its signature checked on the
 * raw query; HTTP-POST, its XML signature), and the IdP's own LogoutRequest with the pool's signed answer.
 */
class SamlSignOutTest {

    private static final URI RETURN_TO = URI.create("https://app.example.test/signed-out");

    private SamlTestbed bed;
    private IdentityProviderSettings settings;
    private String hint;

    @BeforeEach
    void signIn() throws Exception {
        bed = new SamlTestbed();
        settings = bed.settings("IDPSignout", "true");
        SamlTestbed.Begun begun = bed.begin(settings);
        UpstreamIdentity identity = bed.provider.complete(settings, SamlTestbed.posted(bed.idp.response(bed.sp)
                .inResponseTo(begun.requestId()).post("s")), begun.pending());
        hint = identity.signOutHint().orElseThrow();
    }

    @AfterEach
    void close() {
        bed.close();
    }

    private SignOutStart beginSignOut(IdentityProviderSettings idp) {
        return bed.provider.beginSignOut(idp, Optional.of(hint), new SignOutRequest(RETURN_TO, bed.sp.singleLogoutUri(),
                "logout-state")).orElseThrow();
    }

    private static void invalid(Executable call, String... words) {
        FederationException refused = assertThrows(FederationException.class, call);
        assertEquals(Reason.INVALID_RESPONSE, refused.reason(), refused.getMessage());
        for (String word : words) {
            assertTrue(refused.getMessage().contains(word), refused.getMessage());
        }
    }

    @Test
    void beginSignOutWhenIdpSignoutThenASignedLogoutRequestByRedirectForTheSession() {
        SignOutStart start = beginSignOut(settings);

        ReceivedMessage received = bed.idp.read(start.outgoing());
        LogoutRequest request = received.as(LogoutRequest.class);
        assertTrue(received.querySignatureVerifies(bed.sp.activeSigning().certificate()));
        assertEquals(bed.idp.sloUrl().toString(), request.getDestination());
        assertEquals(bed.sp.entityId(), request.getIssuer().getValue());
        assertEquals("alice@example.test", request.getNameID().getValue());
        assertEquals(bed.sp.entityId(), request.getNameID().getSPNameQualifier());
        assertEquals(1, request.getSessionIndexes().size());
        assertEquals(Optional.of("logout-state"), received.relayState());
        assertTrue(start.pendingState().orElseThrow().contains(request.getID()));
    }

    @Test
    void beginSignOutWhenNoHintOrIdpSignoutFalseThenNone() throws Exception {
        SignOutRequest request = new SignOutRequest(RETURN_TO, bed.sp.singleLogoutUri(), "s");

        assertEquals(Optional.empty(), bed.provider.beginSignOut(settings, Optional.empty(), request));
        assertEquals(Optional.empty(), bed.provider.beginSignOut(bed.settings(), Optional.of(hint), request));
        assertEquals(Optional.empty(), bed.provider.beginSignOut(settings, Optional.of("id_token.of.oidc"), request));
    }

    @Test
    void beginSignOutWhenTheIdpTakesOnlyPostThenAFormWithASignedRequest() throws Exception {
        IdentityProviderSettings post = bed.settingsOf(bed.provider.configure(Map.of("MetadataFile",
                bed.idp.metadata().postOnly().xml(), "IDPSignout", "true")));

        Outgoing.FormPost form = assertInstanceOf(Outgoing.FormPost.class, beginSignOut(post).outgoing());

        assertTrue(bed.idp.read(form).xmlSigned());
        assertEquals("logout-state", form.fields().get("RelayState"));
    }

    @Test
    void completeSignOutWhenTheIdpAnswersByRedirectThenAccepted() throws Exception {
        SignOutStart start = beginSignOut(settings);
        String requestId = bed.idp.read(start.outgoing()).id();
        String query = bed.idp.logoutResponse(bed.sp, requestId).redirectQuery("logout-state");

        assertDoesNotThrow(() -> bed.provider.completeSignOut(settings, bed.redirected(query),
                start.pendingState().orElseThrow()));
    }

    @Test
    void completeSignOutWhenTheIdpAnswersByPostThenAccepted() {
        SignOutStart start = beginSignOut(settings);
        String requestId = bed.idp.read(start.outgoing()).id();

        assertDoesNotThrow(() -> bed.provider.completeSignOut(settings, SamlTestbed.posted(
                bed.idp.logoutResponse(bed.sp, requestId).post("logout-state")), start.pendingState().orElseThrow()));
    }

    @Test
    void completeSignOutWhenTheRedirectQueryIsTamperedThenRefused() {
        SignOutStart start = beginSignOut(settings);
        String requestId = bed.idp.read(start.outgoing()).id();
        String query = bed.idp.logoutResponse(bed.sp, requestId).redirectQuery("logout-state")
                .replace("RelayState=logout-state", "RelayState=another-state");

        invalid(() -> bed.provider.completeSignOut(settings, bed.redirected(query),
                start.pendingState().orElseThrow()), "does not verify");
    }

    @Test
    void completeSignOutWhenTheQueryIsReEncodedThenTheSignatureIsCheckedAsSentNotAsDecoded() {
        SignOutStart start = beginSignOut(settings);
        String requestId = bed.idp.read(start.outgoing()).id();
        String query = bed.idp.logoutResponse(bed.sp, requestId).redirectQuery("a b/c");

        // The IdP encoded the relay state as a+b%2Fc; the raw query is checked, not a re-encoding of its values.
        assertTrue(query.contains("RelayState=a+b%2Fc"));
        assertDoesNotThrow(() -> bed.provider.completeSignOut(settings, bed.redirected(query),
                start.pendingState().orElseThrow()));
        invalid(() -> bed.provider.completeSignOut(settings, bed.redirected(query.replace("a+b%2Fc", "a%20b%2Fc")),
                start.pendingState().orElseThrow()), "does not verify");
    }

    @Test
    void completeSignOutWhenUnsignedOrSignedByAnotherKeyOrSha1ThenRefused() {
        SignOutStart start = beginSignOut(settings);
        String requestId = bed.idp.read(start.outgoing()).id();
        String pending = start.pendingState().orElseThrow();

        invalid(() -> bed.provider.completeSignOut(settings, bed.redirected(bed.idp.logoutResponse(bed.sp, requestId)
                .unsigned().redirectQuery("s")), pending), "not signed");
        invalid(() -> bed.provider.completeSignOut(settings, bed.redirected(bed.idp.logoutResponse(bed.sp, requestId)
                .signedBy(SamlTestbed.SharedKeys.OTHER).redirectQuery("s")), pending), "does not verify");
        invalid(() -> bed.provider.completeSignOut(settings, bed.redirected(bed.idp.logoutResponse(bed.sp, requestId)
                .signatureAlgorithm(SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA1).redirectQuery("s")), pending),
                "rsa-sha1");
        invalid(() -> bed.provider.completeSignOut(settings, SamlTestbed.posted(bed.idp.logoutResponse(bed.sp,
                requestId).unsigned().post("s")), pending), "not signed");
    }

    @Test
    void completeSignOutWhenTheAnswerIsForAnotherRequestOrFromAnotherIssuerOrElsewhereThenRefused() {
        SignOutStart start = beginSignOut(settings);
        String requestId = bed.idp.read(start.outgoing()).id();
        String pending = start.pendingState().orElseThrow();

        invalid(() -> bed.provider.completeSignOut(settings, bed.redirected(bed.idp.logoutResponse(bed.sp,
                "_another").redirectQuery("s")), pending), "InResponseTo");
        invalid(() -> bed.provider.completeSignOut(settings, bed.redirected(bed.idp.logoutResponse(bed.sp, requestId)
                .issuer("https://evil.example.test").redirectQuery("s")), pending), "Issuer");
        invalid(() -> bed.provider.completeSignOut(settings, bed.redirected(bed.idp.logoutResponse(bed.sp, requestId)
                .destination("https://other.example.test/saml2/logout").redirectQuery("s")), pending),
                "Destination");
    }

    @Test
    void completeSignOutWhenTheIdpReportsAFailureThenIdpError() {
        SignOutStart start = beginSignOut(settings);
        String requestId = bed.idp.read(start.outgoing()).id();

        FederationException refused = assertThrows(FederationException.class, () -> bed.provider.completeSignOut(
                settings, bed.redirected(bed.idp.logoutResponse(bed.sp, requestId).status(StatusCode.RESPONDER)
                        .redirectQuery("s")), start.pendingState().orElseThrow()));
        assertEquals(Reason.IDP_ERROR, refused.reason());
    }

    @Test
    void signOutRequestedWhenTheIdpSignsTheUserOutByRedirectThenTheSubjectAndASignedAnswer() throws Exception {
        String query = bed.idp.logoutRequest(bed.sp, "alice@example.test").redirectQuery("idp-state");

        UpstreamSignOut signOut = bed.provider.signOutRequested(settings, bed.redirected(query));

        assertEquals("alice@example.test", signOut.subject());
        ReceivedMessage answer = bed.idp.read(signOut.answer());
        LogoutResponse response = answer.as(LogoutResponse.class);
        assertTrue(answer.querySignatureVerifies(bed.sp.activeSigning().certificate()));
        assertEquals(bed.idp.sloUrl().toString(), response.getDestination());
        assertEquals(StatusCode.SUCCESS, response.getStatus().getStatusCode().getValue());
        assertEquals(Optional.of("idp-state"), answer.relayState());
        LogoutRequest original = (LogoutRequest) bed.idp.read(new Outgoing.Redirect(URI.create(
                bed.sp.singleLogoutUri() + "?" + query))).message();
        assertEquals(original.getID(), response.getInResponseTo());
    }

    @Test
    void signOutRequestedWhenByPostThenTheSubject() throws Exception {
        UpstreamSignOut signOut = bed.provider.signOutRequested(settings, SamlTestbed.posted(
                bed.idp.logoutRequest(bed.sp, "alice@example.test").post("idp-state")));

        assertEquals("alice@example.test", signOut.subject());
    }

    @Test
    void signOutRequestedWhenItNamesTheSignInsSessionThenTheSameSessionKeyAndNoneWithoutASessionIndex()
            throws Exception {
        SamlTestbed.Begun begun = bed.begin(settings);
        UpstreamIdentity signedIn = bed.provider.complete(settings, SamlTestbed.posted(bed.idp.response(bed.sp)
                .nameId("alice@example.test").sessionIndex("_idp-session-7").inResponseTo(begun.requestId())
                .post("state")), begun.pending());

        UpstreamSignOut named = bed.provider.signOutRequested(settings, bed.redirected(bed.idp.logoutRequest(bed.sp,
                "alice@example.test").sessionIndex("_idp-session-7").redirectQuery("s")));
        UpstreamSignOut other = bed.provider.signOutRequested(settings, bed.redirected(bed.idp.logoutRequest(bed.sp,
                "alice@example.test").sessionIndex("_idp-session-8").redirectQuery("s")));
        UpstreamSignOut unnamed = bed.provider.signOutRequested(settings, bed.redirected(bed.idp.logoutRequest(bed.sp,
                "alice@example.test").sessionIndex(null).redirectQuery("s")));

        assertEquals(List.of(signedIn.sessionKey().orElseThrow()), named.sessionKeys());
        assertNotEquals(named.sessionKeys(), other.sessionKeys());
        assertEquals(List.of(), unnamed.sessionKeys());
    }

    @Test
    void signOutRequestedWhenUnsignedForgedExpiredOrMisaddressedThenRefused() {
        invalid(() -> bed.provider.signOutRequested(settings, bed.redirected(bed.idp.logoutRequest(bed.sp, "alice")
                .unsigned().redirectQuery("s"))), "not signed");
        invalid(() -> bed.provider.signOutRequested(settings, SamlTestbed.posted(bed.idp.logoutRequest(bed.sp,
                "alice").unsigned().post("s"))), "not signed");
        invalid(() -> bed.provider.signOutRequested(settings, bed.redirected(bed.idp.logoutRequest(bed.sp, "alice")
                .signedBy(SamlTestbed.SharedKeys.OTHER).redirectQuery("s"))), "does not verify");
        invalid(() -> bed.provider.signOutRequested(settings, bed.redirected(bed.idp.logoutRequest(bed.sp, "alice")
                .issuer("https://evil.example.test").redirectQuery("s"))), "Issuer");
        invalid(() -> bed.provider.signOutRequested(settings, bed.redirected(bed.idp.logoutRequest(bed.sp, "alice")
                .destination("https://other.example.test/saml2/logout").redirectQuery("s"))), "Destination");
        invalid(() -> bed.provider.signOutRequested(settings, bed.redirected(bed.idp.logoutRequest(bed.sp, "alice")
                .notOnOrAfter(bed.clock.instant().minus(Duration.ofMinutes(4))).redirectQuery("s"))), "expired");
    }

    @Test
    void signOutRequestedWhenIdpSignoutIsFalseThenRefused() throws Exception {
        IdentityProviderSettings off = bed.settings();

        invalid(() -> bed.provider.signOutRequested(off, bed.redirected(bed.idp.logoutRequest(bed.sp, "alice")
                .redirectQuery("s"))), "IDPSignout");
    }

    @Test
    void signOutRequestedWhenTheMessageIsAnXmlAttackThenRefused() {
        String xxe = "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>";

        invalid(() -> bed.provider.signOutRequested(settings, SamlTestbed.posted(Map.of("SAMLRequest",
                List.of(TestSaml.base64(xxe))))), "DOCTYPE");
    }
}
