package io.gatehouse.providers.federation.saml;

import io.gatehouse.api.federation.Callback;
import io.gatehouse.api.federation.FederationException;
import io.gatehouse.api.federation.FederationException.Reason;
import io.gatehouse.api.federation.IdentityProviderSettings;
import io.gatehouse.api.federation.UpstreamIdentity;
import io.gatehouse.federation.saml.testing.SamlResponseBuilder;
import io.gatehouse.federation.saml.testing.SamlResponseBuilder.Signed;
import io.gatehouse.federation.saml.testing.SignatureWrapping;
import io.gatehouse.federation.saml.testing.TestCertificates;
import io.gatehouse.federation.saml.testing.TestSaml;
import io.gatehouse.federation.saml.testing.XmlAttacks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.opensaml.saml.saml2.core.StatusCode;
import org.opensaml.xmlsec.encryption.support.EncryptionConstants;
import org.opensaml.xmlsec.signature.support.SignatureConstants;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a naive SAML relying party accepts, each refused with the right reason; and the sign-ins that must work.
 * Every case is a real Response of the test IdP, built with OpenSAML, signed and encrypted for real.
 */
class SamlAttackCorpusTest {

    private SamlTestbed bed;
    private IdentityProviderSettings settings;
    private SamlTestbed.Begun begun;

    @BeforeEach
    void begin() throws Exception {
        bed = new SamlTestbed();
        settings = bed.settings();
        begun = bed.begin(settings);
    }

    @AfterEach
    void close() {
        bed.close();
    }

    /** A valid response to the sign-in begun, to be broken. */
    private SamlResponseBuilder response() {
        return bed.idp.response(bed.sp).inResponseTo(begun.requestId());
    }

    private UpstreamIdentity complete(String xml) throws FederationException {
        return bed.provider.complete(settings, post(xml), begun.pending());
    }

    private static Callback post(String xml) {
        return SamlTestbed.posted(Map.of("SAMLResponse", List.of(TestSaml.base64(xml)), "RelayState",
                List.of("state")));
    }

    private static FederationException refused(Reason reason, Executable call, String... words) {
        FederationException refused = assertThrows(FederationException.class, call);
        assertEquals(reason, refused.reason(), refused.getMessage());
        for (String word : words) {
            assertTrue(refused.getMessage().contains(word), refused.getMessage());
        }
        return refused;
    }

    private static FederationException invalid(Executable call, String... words) {
        return refused(Reason.INVALID_RESPONSE, call, words);
    }

    // --- Happy paths ---

    @Test
    void completeWhenTheResponseIsSignedThenTheUserWithClaimsAndReplayKey() throws Exception {
        Instant end = bed.clock.instant().plus(Duration.ofMinutes(5)).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        UpstreamIdentity identity = complete(response().signed(Signed.RESPONSE).attribute("email", "a@example.test")
                .attribute("groups", "one", "two").assertionId("_assertion-1").notOnOrAfter(end).xml());

        assertEquals("alice@example.test", identity.subject());
        assertEquals(Map.of("email", "a@example.test", "groups", "[\"one\",\"two\"]"), identity.claims());
        assertEquals("_assertion-1", identity.replayKey().orElseThrow().id());
        assertEquals(end, identity.replayKey().orElseThrow().until());
    }

    @Test
    void completeWhenOnlyTheAssertionIsSignedThenTheUser() throws Exception {
        UpstreamIdentity identity = complete(response().signed(Signed.ASSERTION).xml());

        assertEquals("alice@example.test", identity.subject());
    }

    @Test
    void completeWhenBothAreSignedThenTheUser() throws Exception {
        assertEquals("alice@example.test", complete(response().signed(Signed.BOTH).xml()).subject());
    }

    @Test
    void completeWhenTheAssertionIsEncryptedForThePoolThenDecryptedAndTheUser() throws Exception {
        IdentityProviderSettings encrypted = bed.settings("EncryptedResponses", "true");
        SamlTestbed.Begun begun = bed.begin(encrypted);

        UpstreamIdentity identity = bed.provider.complete(encrypted, post(bed.idp.response(bed.sp)
                .inResponseTo(begun.requestId()).encryptFor(bed.sp.encryption().get(0).certificate())
                .assertionId("_encrypted-1").xml()), begun.pending());

        assertEquals("alice@example.test", identity.subject());
        assertEquals("_encrypted-1", identity.replayKey().orElseThrow().id());
    }

    @Test
    void completeWhenEncryptedWithAesCbcAndOaepForAnOlderPoolKeyThenDecrypted() throws Exception {
        var older = TestCertificates.rsa("older-encryption");
        var sp = io.gatehouse.federation.saml.testing.TestLocalParty.create(SamlTestbed.POOL, SamlTestbed.BASE,
                bed.sp.signing(), List.of(bed.sp.encryption().get(0), older));
        try (SamlTestbed rotated = new SamlTestbed(sp)) {
            IdentityProviderSettings encrypted = rotated.settings("EncryptedResponses", "true");
            SamlTestbed.Begun begun = rotated.begin(encrypted);

            UpstreamIdentity identity = rotated.provider.complete(encrypted, post(rotated.idp.response(sp)
                    .inResponseTo(begun.requestId()).encryptFor(older.certificate())
                    .encryptionAlgorithms(EncryptionConstants.ALGO_ID_BLOCKCIPHER_AES256,
                            EncryptionConstants.ALGO_ID_KEYTRANSPORT_RSAOAEP11).xml()), begun.pending());

            assertEquals("alice@example.test", identity.subject());
        }
    }

    @Test
    void completeUnsolicitedWhenIdpInitThenTheUser() throws Exception {
        IdentityProviderSettings allowed = bed.settings("IDPInit", "true");

        UpstreamIdentity identity = bed.provider.completeUnsolicited(allowed,
                post(bed.idp.response(bed.sp).inResponseTo(null).signed(Signed.RESPONSE).xml()));

        assertEquals("alice@example.test", identity.subject());
        assertTrue(identity.replayKey().isPresent());
    }

    @Test
    void completeWhenTheIdpsClockIsTwoMinutesAheadThenStillTheUser() throws Exception {
        assertEquals("alice@example.test", complete(response()
                .issuedAt(bed.clock.instant().plus(Duration.ofMinutes(2))).xml()).subject());
    }

    // --- Signatures ---

    @Test
    void completeWhenNothingIsSignedThenRefused() {
        invalid(() -> complete(response().signed(Signed.NONE).xml()), "neither");
    }

    @Test
    void completeWhenSignedByAnotherKeyThenRefused() {
        // The KeyInfo even shows the IdP's own certificate: only the metadata's decides.
        invalid(() -> complete(response().signedBy(SamlTestbed.SharedKeys.OTHER)
                .keyInfoCertificate(bed.idp.signing().certificate()).xml()), "does not verify");
    }

    @Test
    void completeWhenTheKeyInfoCertificateIsNotTheMetadatasThenRefused() {
        // Signed by a key whose certificate the message carries: a validator that trusts KeyInfo accepts it.
        invalid(() -> complete(response().signed(Signed.RESPONSE).signedBy(SamlTestbed.SharedKeys.OTHER).xml()),
                "does not verify");
    }

    @Test
    void completeWhenSignedWithRsaSha1ThenRefused() {
        invalid(() -> complete(response().signatureAlgorithms(SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA1,
                SignatureConstants.ALGO_ID_DIGEST_SHA256).xml()), "rsa-sha1");
    }

    @Test
    void completeWhenDigestedWithSha1ThenRefused() {
        invalid(() -> complete(response().signatureAlgorithms(SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA256,
                SignatureConstants.ALGO_ID_DIGEST_SHA1).xml()), "sha1");
    }

    @Test
    void completeWhenSignedWithRsaMd5ThenRefused() {
        invalid(() -> complete(response().signatureAlgorithms(
                SignatureConstants.ALGO_ID_SIGNATURE_NOT_RECOMMENDED_RSA_MD5,
                SignatureConstants.ALGO_ID_DIGEST_SHA256).xml()), "rsa-md5");
    }

    @Test
    void completeWhenTheSignedAssertionIsTamperedThenRefused() {
        String xml = response().xml().replace("alice@example.test", "admin@example.test");

        invalid(() -> complete(xml), "does not verify");
    }

    // --- Signature wrapping ---

    @Test
    void completeWhenTheSignedAssertionIsMovedToExtensionsThenRefused() {
        invalid(() -> complete(SignatureWrapping.signedAssertionMovedToExtensions(response().xml())),
                "signature wrapping");
    }

    @Test
    void completeWhenTheSignedAssertionIsMovedIntoTheSignaturesObjectThenRefused() {
        invalid(() -> complete(SignatureWrapping.signedAssertionMovedToSignatureObject(response().xml())),
                "signature wrapping");
    }

    @Test
    void completeWhenAnEvilAssertionIsAddedBesideTheSignedOneThenRefused() {
        invalid(() -> complete(SignatureWrapping.evilAssertionBesideSigned(response().xml())),
                "signature wrapping");
    }

    @Test
    void completeWhenTheSignedResponseIsWrappedInAnEvilOneThenRefused() {
        invalid(() -> complete(SignatureWrapping.signedResponseWrapped(response().signed(Signed.RESPONSE).xml())),
                "signature wrapping");
    }

    @Test
    void completeWhenAnEvilAssertionHasTheSignedOnesIdThenRefused() {
        invalid(() -> complete(SignatureWrapping.evilAssertionWithSignedId(response().xml())),
                "signature wrapping");
    }

    @Test
    void completeWhenTheIdpAddsASecondAssertionThenRefused() {
        invalid(() -> complete(response().signed(Signed.RESPONSE).extraAssertion().xml()), "exactly one assertion");
    }

    // --- XML ---

    @Test
    void completeWhenTheNameIdHoldsACommentThenRefused() {
        // The signature still verifies (canonicalisation drops comments): only the comment check stops it.
        invalid(() -> complete(response().nameId("alice@example.test.evil.test").commentInNameId().xml()),
                "comment");
    }

    @Test
    void completeWhenAnExternalEntityThenRefusedBeforeItIsRead() {
        invalid(() -> complete(XmlAttacks.externalEntity(bed.sp.assertionConsumerUri().toString())), "DOCTYPE");
    }

    @Test
    void completeWhenTheBillionLaughsThenRefusedBeforeExpansion() {
        invalid(() -> complete(XmlAttacks.billionLaughs()), "DOCTYPE");
    }

    @Test
    void completeWhenTheSamlResponseIsOver100000CharactersThenRefused() {
        String padded = TestSaml.base64(response().xml() + " ".repeat(80_000));

        invalid(() -> bed.provider.complete(settings, SamlTestbed.posted(Map.of("SAMLResponse", List.of(padded))),
                begun.pending()), "100000");
    }

    @Test
    void completeWhenTheResponseComesInTheQueryThenRefused() {
        Callback query = new Callback(SamlTestbed.CALLBACK, Map.of(), Optional.of("SAMLResponse=abc&RelayState=x"));

        invalid(() -> bed.provider.complete(settings, query, begun.pending()), "HTTP-POST");
    }

    // --- Addressing ---

    @Test
    void completeWhenTheAudienceIsAnotherPoolThenRefused() {
        invalid(() -> complete(response().audience("urn:amazon:cognito:sp:us-east-1_Other").xml()), "audience");
    }

    @Test
    void completeWhenThereIsNoAudienceRestrictionThenRefused() {
        invalid(() -> complete(response().withoutAudienceRestriction().xml()), "AudienceRestriction");
    }

    @Test
    void completeWhenTheRecipientIsAnotherAcsThenRefused() {
        invalid(() -> complete(response().recipient("https://other.example.test/saml2/idpresponse").xml()),
                "Recipient");
    }

    @Test
    void completeWhenTheDestinationIsAnotherAcsThenRefused() {
        invalid(() -> complete(response().destination("https://other.example.test/saml2/idpresponse").xml()),
                "Destination");
    }

    @Test
    void completeWhenTheResponseHasNoDestinationThenRefused() {
        invalid(() -> complete(response().destination(null).xml()), "Destination");
    }

    @Test
    void completeWhenTheResponseIssuerIsAnotherIdpThenRefused() {
        invalid(() -> complete(response().responseIssuer("https://evil.example.test").xml()), "Issuer");
    }

    @Test
    void completeWhenTheAssertionIssuerIsAnotherIdpThenRefused() {
        invalid(() -> complete(response().responseIssuer(null).assertionIssuer("https://evil.example.test").xml()),
                "Issuer");
    }

    // --- Time ---

    @Test
    void completeWhenExpiredThenRefused() {
        invalid(() -> complete(response().issuedAt(bed.clock.instant().minus(Duration.ofMinutes(10))).xml()),
                "expired");
    }

    @Test
    void completeWhenUsedAfterItsLifetimeAndTheSkewThenRefused() {
        String xml = response().xml();
        bed.clock.advance(Duration.ofMinutes(5 + 3).plusSeconds(1));

        invalid(() -> complete(xml), "expired");
    }

    @Test
    void completeWhenNotYetValidThenRefused() {
        invalid(() -> complete(response().notBefore(bed.clock.instant().plus(Duration.ofMinutes(4))).xml()),
                "not yet valid");
    }

    // --- Binding to the request ---

    @Test
    void completeWhenInResponseToAnotherRequestThenRefused() {
        invalid(() -> complete(response().inResponseTo("_another-request").xml()), "InResponseTo");
    }

    @Test
    void completeWhenTheConfirmationAnswersAnotherRequestThenRefused() {
        invalid(() -> complete(response().confirmationInResponseTo("_another-request").xml()), "InResponseTo");
    }

    @Test
    void completeWhenUnsolicitedButTheIdpMayNotBeginSignInsThenRefused() {
        invalid(() -> bed.provider.completeUnsolicited(settings,
                post(bed.idp.response(bed.sp).inResponseTo(null).xml())), "IDPInit");
    }

    @Test
    void completeUnsolicitedWhenTheResponseAnswersARequestThenRefused() throws Exception {
        IdentityProviderSettings allowed = bed.settings("IDPInit", "true");

        invalid(() -> bed.provider.completeUnsolicited(allowed, post(response().xml())), "unsolicited");
    }

    @Test
    void completeUnsolicitedWhenOnlyTheConfirmationAnswersARequestThenRefused() throws Exception {
        IdentityProviderSettings allowed = bed.settings("IDPInit", "true");

        invalid(() -> bed.provider.completeUnsolicited(allowed, post(bed.idp.response(bed.sp).inResponseTo(null)
                .confirmationInResponseTo(begun.requestId()).xml())), "unsolicited");
    }

    // --- Status ---

    @Test
    void completeWhenTheStatusIsRequesterThenIdpError() {
        refused(Reason.IDP_ERROR, () -> complete(response().status(StatusCode.REQUESTER, null).xml()), "Requester");
    }

    @Test
    void completeWhenTheStatusIsAuthnFailedThenAccessDenied() {
        refused(Reason.ACCESS_DENIED, () -> complete(response().status(StatusCode.RESPONDER, StatusCode.AUTHN_FAILED)
                .xml()), "Responder/AuthnFailed");
    }

    // --- Encryption ---

    @Test
    void completeWhenEncryptedForAnotherKeyThenRefused() throws Exception {
        IdentityProviderSettings encrypted = bed.settings("EncryptedResponses", "true");
        SamlTestbed.Begun begun = bed.begin(encrypted);

        invalid(() -> bed.provider.complete(encrypted, post(bed.idp.response(bed.sp).inResponseTo(begun.requestId())
                .encryptFor(SamlTestbed.SharedKeys.OTHER.certificate()).xml()), begun.pending()), "cannot be decrypted");
    }

    @Test
    void completeWhenPlaintextButEncryptedResponsesIsTrueThenRefused() throws Exception {
        IdentityProviderSettings encrypted = bed.settings("EncryptedResponses", "true");
        SamlTestbed.Begun begun = bed.begin(encrypted);

        invalid(() -> bed.provider.complete(encrypted, post(bed.idp.response(bed.sp).inResponseTo(begun.requestId())
                .xml()), begun.pending()), "EncryptedResponses");
    }

    @Test
    void completeWhenTheKeyIsTransportedWithRsa15ThenRefused() {
        invalid(() -> complete(response().encryptFor(bed.sp.encryption().get(0).certificate())
                .encryptionAlgorithms(EncryptionConstants.ALGO_ID_BLOCKCIPHER_AES128_GCM,
                        EncryptionConstants.ALGO_ID_KEYTRANSPORT_RSA15).xml()), "rsa-1_5");
    }

    @Test
    void completeWhenEncryptedWithTripleDesThenRefused() {
        invalid(() -> complete(response().encryptFor(bed.sp.encryption().get(0).certificate())
                .encryptionAlgorithms(EncryptionConstants.ALGO_ID_BLOCKCIPHER_TRIPLEDES,
                        EncryptionConstants.ALGO_ID_KEYTRANSPORT_RSAOAEP).xml()), "tripledes");
    }

    @Test
    void completeWhenAnEncryptedAssertionIsUnsignedAndTheResponseTooThenRefused() {
        invalid(() -> complete(response().signed(Signed.NONE).encryptFor(bed.sp.encryption().get(0).certificate())
                .xml()), "neither");
    }

    // --- Content ---

    @Test
    void completeWhenThereIsNoAuthnStatementThenRefused() {
        invalid(() -> complete(response().withoutAuthnStatement().xml()), "AuthnStatement");
    }

    @Test
    void completeWhenTheNameIdIsBlankThenRefused() {
        invalid(() -> complete(response().nameId("   ").xml()), "NameID");
    }

    @Test
    void completeWhenRefusedThenTheMessageShowsNoAssertionContent() {
        FederationException refused = invalid(() -> complete(response().nameId("secret-user@example.test")
                .audience("urn:elsewhere").xml()));

        assertFalse(refused.getMessage().contains("secret-user"));
        assertFalse(refused.getMessage().contains("urn:elsewhere"));
    }
}
