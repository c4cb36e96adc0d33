package io.gatehouse.providers.federation.saml;

import io.gatehouse.api.federation.FederationException;
import io.gatehouse.api.federation.FederationException.Reason;
import io.gatehouse.api.federation.IdentityPoolLogin;
import io.gatehouse.api.federation.LocalParty;
import io.gatehouse.api.federation.UpstreamIdentity;
import io.gatehouse.federation.saml.testing.SamlResponseBuilder;
import io.gatehouse.federation.saml.testing.SamlResponseBuilder.Signed;
import io.gatehouse.federation.saml.testing.SignatureWrapping;
import io.gatehouse.federation.saml.testing.TestLocalParty;
import io.gatehouse.federation.saml.testing.TestSaml;
import io.gatehouse.federation.saml.testing.XmlAttacks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SAML responses an app brings to an identity pool ({@code verifyIdentityPoolLogin}): the IdP's response for AWS
 * (audience {@code urn:amazon:webservices}, sent to {@code https://signin.aws.amazon.com/saml}), checked against the
 * IAM provider's metadata. The attack corpus of this path, each case refused for its own reason, and the same
 * response unforged taken.
 */
class SamlIdentityPoolLoginTest {

    private static final Set<String> AUDIENCES = Set.of("urn:amazon:webservices", "https://signin.aws.amazon.com/saml");
    private static final Set<String> RECIPIENTS = Set.of("https://signin.aws.amazon.com/saml",
            "https://auth.example.test/saml2/identity-pool");
    private static final LocalParty AWS = TestLocalParty.aws();

    private SamlTestbed bed;

    @BeforeEach
    void begin() {
        bed = new SamlTestbed();
    }

    @AfterEach
    void close() {
        bed.close();
    }

    /** A valid response for AWS, unsolicited, to be broken. */
    private SamlResponseBuilder response() {
        return bed.idp.response(AWS).nameId("alice@example.test")
                .attribute("https://aws.amazon.com/SAML/Attributes/Role",
                        "arn:aws:iam::000000000000:role/a,arn:aws:iam::000000000000:saml-provider/Corp",
                        "arn:aws:iam::000000000000:role/b,arn:aws:iam::000000000000:saml-provider/Corp");
    }

    private UpstreamIdentity verify(String xml) throws FederationException {
        return bed.provider.verifyIdentityPoolLogin(new IdentityPoolLogin(TestSaml.base64(xml), AUDIENCES, RECIPIENTS,
                Map.of("MetadataFile", bed.idp.metadataXml())));
    }

    private static void invalid(Executable call, String... words) {
        FederationException refused = assertThrows(FederationException.class, call);
        assertEquals(Reason.INVALID_RESPONSE, refused.reason(), refused.getMessage());
        for (String word : words) {
            assertTrue(refused.getMessage().contains(word), refused.getMessage());
        }
    }

    @Test
    void verifyWhenUnforgedThenTheNameIdAndAttributesWithTheAssertionIdAsReplayKey() throws Exception {
        UpstreamIdentity identity = verify(response().assertionId("_assertion-1").xml());

        assertEquals("alice@example.test", identity.subject());
        assertEquals("alice@example.test", identity.claims().get("email"));
        assertEquals("[\"arn:aws:iam::000000000000:role/a,arn:aws:iam::000000000000:saml-provider/Corp\","
                        + "\"arn:aws:iam::000000000000:role/b,arn:aws:iam::000000000000:saml-provider/Corp\"]",
                identity.claims().get("https://aws.amazon.com/SAML/Attributes/Role"));
        assertEquals("_assertion-1", identity.replayKey().orElseThrow().id());
        assertFalse(identity.claims().containsKey("NameID"));
    }

    @Test
    void verifyWhenTheOtherAudienceAndRecipientOfTheListThenTaken() throws Exception {
        UpstreamIdentity identity = verify(response().audience("https://signin.aws.amazon.com/saml")
                .destination("https://auth.example.test/saml2/identity-pool")
                .recipient("https://auth.example.test/saml2/identity-pool").xml());

        assertEquals("alice@example.test", identity.subject());
    }

    @Test
    void verifyWhenOnlyTheResponseIsSignedThenTaken() throws Exception {
        assertEquals("alice@example.test", verify(response().signed(Signed.RESPONSE).xml()).subject());
    }

    @Test
    void verifyWhenUnsignedThenRefused() {
        invalid(() -> verify(response().signed(Signed.NONE).xml()), "signed");
    }

    @Test
    void verifyWhenSignedByAnotherKeyThenRefused() {
        invalid(() -> verify(response().signedBy(SamlTestbed.SharedKeys.OTHER).xml()));
    }

    @Test
    void verifyWhenTheSignedAssertionIsWrappedThenRefused() {
        invalid(() -> verify(SignatureWrapping.evilAssertionBesideSigned(response().xml())));
        invalid(() -> verify(SignatureWrapping.signedAssertionMovedToExtensions(response().xml())));
        invalid(() -> verify(SignatureWrapping.signedResponseWrapped(response().signed(Signed.RESPONSE).xml())));
        invalid(() -> verify(SignatureWrapping.evilAssertionWithSignedId(response().xml())));
    }

    @Test
    void verifyWhenForAUserPoolThenRefusedForItsAudience() {
        invalid(() -> verify(response().audience("urn:amazon:cognito:sp:us-east-1_Saml1").xml()),
                "audience", "urn:amazon:webservices");
    }

    @Test
    void verifyWhenSentToAnotherRecipientThenRefused() {
        invalid(() -> verify(response().recipient("https://evil.example.test/saml").xml()), "Recipient");
        invalid(() -> verify(response().destination("https://evil.example.test/saml").xml()), "Destination");
    }

    @Test
    void verifyWhenExpiredThenRefused() {
        invalid(() -> verify(response().issuedAt(bed.clock.instant().minus(Duration.ofMinutes(10))).xml()),
                "expired");
    }

    @Test
    void verifyWhenItAnswersARequestThenRefused() {
        invalid(() -> verify(response().inResponseTo("_some-request").xml()), "InResponseTo");
    }

    @Test
    void verifyWhenTwoAssertionsThenRefused() {
        invalid(() -> verify(response().signed(Signed.RESPONSE).extraAssertion().xml()), "exactly one assertion");
    }

    @Test
    void verifyWhenADoctypeThenRefused() {
        invalid(() -> verify(XmlAttacks.externalEntity("https://signin.aws.amazon.com/saml")), "DOCTYPE");
        invalid(() -> verify(XmlAttacks.billionLaughs()), "DOCTYPE");
    }

    @Test
    void verifyWhenAnotherIdpIssuedItThenRefused() {
        invalid(() -> verify(response().responseIssuer(null).assertionIssuer("https://evil.example.test").xml()),
                "Issuer");
    }

    @Test
    void verifyWhenEncryptedThenRefusedAsNothingCanOpenIt() {
        invalid(() -> verify(response().encryptFor(SamlTestbed.SharedKeys.OTHER.certificate()).xml()),
                "encrypted", "unencrypted");
    }

    @Test
    void verifyWhenNotBase64ThenRefused() {
        FederationException refused = assertThrows(FederationException.class, () -> bed.provider
                .verifyIdentityPoolLogin(new IdentityPoolLogin("not*base64", AUDIENCES, RECIPIENTS,
                        Map.of("MetadataFile", bed.idp.metadataXml()))));
        assertEquals(Reason.INVALID_RESPONSE, refused.reason());
    }

    @Test
    void verifyWhenTheProviderHasNoUsableMetadataThenRefusedNamingIt() {
        FederationException refused = assertThrows(FederationException.class, () -> bed.provider
                .verifyIdentityPoolLogin(new IdentityPoolLogin(TestSaml.base64(response().xml()), AUDIENCES,
                        RECIPIENTS, Map.of("MetadataFile", "<not-metadata/>"))));
        assertTrue(refused.getMessage().contains("metadata"), refused.getMessage());
    }
}
