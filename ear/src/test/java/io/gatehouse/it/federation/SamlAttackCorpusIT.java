package io.gatehouse.it.federation;

import io.gatehouse.api.federation.LocalParty;
import io.gatehouse.api.federation.Outgoing;
import io.gatehouse.federation.saml.testing.SamlResponseBuilder;
import io.gatehouse.federation.saml.testing.SamlResponseBuilder.Signed;
import io.gatehouse.federation.saml.testing.SignatureWrapping;
import io.gatehouse.federation.saml.testing.TestCertificates;
import io.gatehouse.federation.saml.testing.TestLocalParty;
import io.gatehouse.federation.saml.testing.TestSamlIdp;
import io.gatehouse.federation.saml.testing.XmlAttacks;
import io.gatehouse.it.Gatehouse;
import io.gatehouse.it.cognito.HostedForm;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.opensaml.saml.saml2.core.StatusCode;
import org.opensaml.xmlsec.encryption.support.EncryptionConstants;
import org.opensaml.xmlsec.signature.support.SignatureConstants;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.IdentityProviderTypeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.OAuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The SAML attack corpus against a running server: forged and broken responses, made by the provider's test IdP
 * (its test-jar, built on OpenSAML apart from the provider's checks), posted to {@code /saml2/idpresponse} as a
 * browser would. Each is refused with the error page, without a code for the app and without a user; the same
 * response unbroken signs in, so each refusal is the rule's doing. Most come IdP-initiated (the relay state is the
 * app's authorization request), the rest answer a sign-in the server began.
 */
class SamlAttackCorpusIT {

    private static final URI CALLBACK = RelyingParty.CALLBACK;

    private static CognitoIdentityProviderClient cognito;
    private static TestSamlIdp idp;
    private static LocalParty sp;
    private static String poolId;
    private static String clientId;
    private static X509Certificate encryptionCertificate;

    @BeforeAll
    static void pool() throws Exception {
        cognito = Gatehouse.adminClient();
        idp = new TestSamlIdp();
        poolId = cognito.createUserPool(r -> r.poolName("saml-corpus")).userPool().id();
        idp("Test", Map.of("IDPInit", "true"));
        idp("TestEncrypted", Map.of("IDPInit", "true", "EncryptedResponses", "true"));
        idp("TestNoInit", Map.of());
        clientId = cognito.createUserPoolClient(r -> r.userPoolId(poolId).clientName("corpus").generateSecret(true)
                .allowedOAuthFlowsUserPoolClient(true).allowedOAuthFlows(OAuthFlowType.CODE)
                .allowedOAuthScopes("openid", "email").callbackURLs(CALLBACK.toString())
                .supportedIdentityProviders("Test", "TestEncrypted", "TestNoInit")).userPoolClient().clientId();
        sp = TestLocalParty.create(poolId, Gatehouse.ENDPOINT);
        encryptionCertificate = publishedEncryptionCertificate();
    }

    @AfterAll
    static void close() {
        cognito.close();
    }

    private static void idp(String name, Map<String, String> switches) {
        Map<String, String> details = new java.util.HashMap<>(switches);
        details.put("MetadataFile", idp.metadataXml());
        cognito.createIdentityProvider(r -> r.userPoolId(poolId).providerName(name)
                .providerType(IdentityProviderTypeType.SAML).providerDetails(details)
                .attributeMapping(Map.of("email", "email")));
    }

    /** The pool's encryption certificate, as an IdP reads it from the SP metadata. */
    private static X509Certificate publishedEncryptionCertificate() throws Exception {
        HttpResponse<String> metadata = new HostedForm().get("/saml2/metadata?user_pool_id=" + poolId);
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(
                metadata.body().getBytes(StandardCharsets.UTF_8)));
        NodeList keys = document.getElementsByTagNameNS("urn:oasis:names:tc:SAML:2.0:metadata", "KeyDescriptor");
        for (int i = 0; i < keys.getLength(); i++) {
            Element key = (Element) keys.item(i);
            if ("encryption".equals(key.getAttribute("use"))) {
                String text = key.getElementsByTagNameNS("http://www.w3.org/2000/09/xmldsig#", "X509Certificate")
                        .item(0).getTextContent();
                return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(
                        new ByteArrayInputStream(Base64.getMimeDecoder().decode(text)));
            }
        }
        throw new AssertionError("no encryption certificate in " + metadata.body());
    }

    /** The app's authorization request as the relay state of a sign-in the IdP begins. */
    private static String relayState(String providerName) {
        return "client_id=" + clientId + "&redirect_uri=" + URLEncoder.encode(CALLBACK.toString(),
                StandardCharsets.UTF_8) + "&response_type=code&scope=openid+email&identity_provider=" + providerName;
    }

    /** A response to the pool by the test IdP, IdP-initiated: no InResponseTo; a name of its own. */
    private static SamlResponseBuilder response(String nameId) {
        return idp.response(sp).nameId(nameId).attribute("email", nameId);
    }

    private static HttpResponse<String> post(HostedForm browser, String xml, String relayState) throws Exception {
        return browser.post("/saml2/idpresponse", Map.of("SAMLResponse",
                Base64.getEncoder().encodeToString(xml.getBytes(StandardCharsets.UTF_8)), "RelayState", relayState));
    }

    private static HttpResponse<String> unsolicited(String xml) throws Exception {
        return post(new HostedForm(), xml, relayState("Test"));
    }

    private static void assertSignedIn(HttpResponse<String> answer) {
        assertThat(answer.statusCode()).as(answer.body()).isIn(302, 303);
        assertThat(answer.headers().firstValue("Location").orElseThrow()).startsWith(CALLBACK + "?code=");
    }

    /** Refused on the error page: no code for the app, no session, no user of that name. */
    private static void assertRefused(HttpResponse<String> answer, String nameId) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
        assertThat(answer.headers().firstValue("Location")).as("nothing goes to the app").isEmpty();
        assertThat(answer.headers().allValues("Set-Cookie")).noneMatch(c -> c.contains("gatehouse_session"));
        assertThat(answer.body()).contains("did not succeed").doesNotContain("Exception").doesNotContain(nameId);
        assertThatThrownBy(() -> cognito.adminGetUser(r -> r.userPoolId(poolId).username("Test_" + nameId)))
                .isInstanceOf(UserNotFoundException.class);
    }

    /** The same response, unbroken, signs in: what refuses the broken one is the rule it breaks. */
    private static void refusedButNotWhenUnbroken(String nameId, UnaryOperator<SamlResponseBuilder> breaking)
            throws Exception {
        assertRefused(unsolicited(breaking.apply(response(nameId)).xml()), nameId);
        assertSignedIn(unsolicited(response(nameId).xml()));
    }

    @Test
    void signedResponseWhenIdpInitiatedThenSignedInAsTheFederatedUser() throws Exception {
        assertSignedIn(unsolicited(response("carol@corp.test").signed(Signed.BOTH).xml()));

        assertThat(cognito.adminGetUser(r -> r.userPoolId(poolId).username("Test_carol@corp.test"))
                .userStatusAsString()).isEqualTo("EXTERNAL_PROVIDER");
    }

    @Test
    void unsignedThenRefused() throws Exception {
        refusedButNotWhenUnbroken("unsigned@corp.test", b -> b.signed(Signed.NONE));
    }

    @Test
    void signedByAnotherKeyThenRefused() throws Exception {
        refusedButNotWhenUnbroken("other-key@corp.test", b -> b.signedBy(TestCertificates.rsa("mallory")));
    }

    @Test
    void signedByAnotherKeyCarryingTheIdpsCertificateInKeyInfoThenRefused() throws Exception {
        refusedButNotWhenUnbroken("keyinfo@corp.test", b -> b.signedBy(TestCertificates.rsa("mallory"))
                .keyInfoCertificate(idp.signing().certificate()));
    }

    @Test
    void sha1SignatureThenRefused() throws Exception {
        refusedButNotWhenUnbroken("sha1@corp.test", b -> b.signatureAlgorithms(
                SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA1, SignatureConstants.ALGO_ID_DIGEST_SHA1));
    }

    @Test
    void md5SignatureThenRefused() throws Exception {
        refusedButNotWhenUnbroken("md5@corp.test", b -> b.signatureAlgorithms(
                SignatureConstants.ALGO_ID_SIGNATURE_NOT_RECOMMENDED_RSA_MD5, SignatureConstants.ALGO_ID_DIGEST_SHA256));
    }

    /** The signature-wrapping variants of the literature, each made from a validly signed response. */
    static Stream<Arguments> signatureWrapping() {
        return Stream.of(
                Arguments.of("the signed assertion moved into Extensions", Signed.ASSERTION,
                        (UnaryOperator<String>) SignatureWrapping::signedAssertionMovedToExtensions),
                Arguments.of("the signed assertion moved into the signature's Object", Signed.ASSERTION,
                        (UnaryOperator<String>) SignatureWrapping::signedAssertionMovedToSignatureObject),
                Arguments.of("an evil assertion beside the signed one", Signed.ASSERTION,
                        (UnaryOperator<String>) SignatureWrapping::evilAssertionBesideSigned),
                Arguments.of("the signed response wrapped in an evil one", Signed.RESPONSE,
                        (UnaryOperator<String>) SignatureWrapping::signedResponseWrapped),
                Arguments.of("an evil assertion with the signed one's ID", Signed.ASSERTION,
                        (UnaryOperator<String>) SignatureWrapping::evilAssertionWithSignedId));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("signatureWrapping")
    void signatureWrappingThenRefused(String variant, Signed signed, UnaryOperator<String> wrap) throws Exception {
        String nameId = "wrapped-" + signed.name().toLowerCase() + "@corp.test";

        HttpResponse<String> answer = unsolicited(wrap.apply(response(nameId).signed(signed).xml()));

        assertRefused(answer, SignatureWrapping.EVIL_SUBJECT);
        assertThatThrownBy(() -> cognito.adminGetUser(r -> r.userPoolId(poolId).username("Test_" + nameId)))
                .isInstanceOf(UserNotFoundException.class);
    }

    @Test
    void secondAssertionThenRefused() throws Exception {
        refusedButNotWhenUnbroken("second@corp.test", b -> b.signed(Signed.RESPONSE).extraAssertion());
    }

    @Test
    void commentInjectedIntoTheNameIdThenRefused() throws Exception {
        refusedButNotWhenUnbroken("comment@corp.test", SamlResponseBuilder::commentInNameId);
    }

    @Test
    void externalEntityThenRefusedWithoutReadingIt() throws Exception {
        HttpResponse<String> answer = unsolicited(XmlAttacks.externalEntity(sp.assertionConsumerUri().toString()));

        assertRefused(answer, "xxe@corp.test");
        assertThat(answer.body()).doesNotContain("root:");
    }

    @Test
    void billionLaughsThenRefusedAtOnce() throws Exception {
        long started = System.nanoTime();
        HttpResponse<String> answer = unsolicited(XmlAttacks.billionLaughs());

        assertRefused(answer, "lol@corp.test");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("no entity was expanded")
                .isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void audienceOfAnotherPoolThenRefused() throws Exception {
        refusedButNotWhenUnbroken("audience@corp.test", b -> b.audience("urn:amazon:cognito:sp:us-east-1_Other1234"));
    }

    @Test
    void recipientElsewhereThenRefused() throws Exception {
        refusedButNotWhenUnbroken("recipient@corp.test", b -> b.recipient("https://evil.test/saml2/idpresponse"));
    }

    @Test
    void destinationElsewhereThenRefused() throws Exception {
        refusedButNotWhenUnbroken("destination@corp.test", b -> b.destination("https://evil.test/acs"));
    }

    @Test
    void issuedByAnotherIdpThenRefused() throws Exception {
        refusedButNotWhenUnbroken("issuer@corp.test", b -> b.responseIssuer("https://evil.test/idp")
                .assertionIssuer("https://evil.test/idp"));
    }

    @Test
    void expiredThenRefused() throws Exception {
        Instant longAgo = Instant.now().minus(Duration.ofHours(1));
        refusedButNotWhenUnbroken("expired@corp.test", b -> b.issuedAt(longAgo).notBefore(longAgo)
                .notOnOrAfter(longAgo.plus(Duration.ofMinutes(5))));
    }

    @Test
    void notYetValidThenRefused() throws Exception {
        refusedButNotWhenUnbroken("future@corp.test", b -> b.notBefore(Instant.now().plus(Duration.ofHours(1))));
    }

    @Test
    void statusRequesterThenRefused() throws Exception {
        refusedButNotWhenUnbroken("requester@corp.test", b -> b.status(StatusCode.REQUESTER, null));
    }

    @Test
    void replayedThenTheSecondIsRefusedEvenInAnotherBrowser() throws Exception {
        String xml = response("replay@corp.test").xml();

        assertSignedIn(unsolicited(xml));
        HttpResponse<String> again = unsolicited(xml);

        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(again.headers().firstValue("Location")).isEmpty();
    }

    @Test
    void unsolicitedWhenItAnswersSomeRequestThenRefused() throws Exception {
        refusedButNotWhenUnbroken("answers@corp.test", b -> b.inResponseTo("_a-request-of-someone-else"));
    }

    @Test
    void unsolicitedWhenTheIdpMayNotBeginSignInsThenRefused() throws Exception {
        HttpResponse<String> answer = post(new HostedForm(), response("noinit@corp.test").xml(),
                relayState("TestNoInit"));

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.headers().firstValue("Location")).isEmpty();
        assertThatThrownBy(() -> cognito.adminGetUser(r -> r.userPoolId(poolId).username("TestNoInit_noinit@corp.test")))
                .isInstanceOf(UserNotFoundException.class);
    }

    @Test
    void encryptedWhenForThePoolsKeyThenOpenedAndForAnotherKeyRefused() throws Exception {
        HttpResponse<String> forAnother = post(new HostedForm(), response("enc-other@corp.test")
                .encryptFor(TestCertificates.rsa("someone else").certificate()).xml(), relayState("TestEncrypted"));
        HttpResponse<String> plaintext = post(new HostedForm(), response("enc-plain@corp.test").xml(),
                relayState("TestEncrypted"));
        HttpResponse<String> forThePool = post(new HostedForm(), response("enc@corp.test")
                .encryptFor(encryptionCertificate).xml(), relayState("TestEncrypted"));
        HttpResponse<String> forThePoolOaep11 = post(new HostedForm(), response("enc11@corp.test")
                .encryptFor(encryptionCertificate).encryptionAlgorithms(
                        EncryptionConstants.ALGO_ID_BLOCKCIPHER_AES256_GCM,
                        EncryptionConstants.ALGO_ID_KEYTRANSPORT_RSAOAEP11).xml(), relayState("TestEncrypted"));
        HttpResponse<String> rsa15 = post(new HostedForm(), response("enc15@corp.test")
                .encryptFor(encryptionCertificate).encryptionAlgorithms(
                        EncryptionConstants.ALGO_ID_BLOCKCIPHER_AES128_GCM,
                        EncryptionConstants.ALGO_ID_KEYTRANSPORT_RSA15).xml(), relayState("TestEncrypted"));

        assertThat(forAnother.statusCode()).isEqualTo(400);
        assertThat(plaintext.statusCode()).as("plaintext where encryption is required").isEqualTo(400);
        assertThat(rsa15.statusCode()).as("RSA PKCS#1 v1.5 key transport").isEqualTo(400);
        assertSignedIn(forThePool);
        assertSignedIn(forThePoolOaep11);
    }

    @Test
    void spInitiatedWhenTheResponseAnswersAnotherRequestOrComesToAnotherBrowserThenRefused() throws Exception {
        HostedForm browser = new HostedForm();
        Begun other = begin(browser);
        HttpResponse<String> wrongRequest = post(browser, response("sp-other@corp.test").inResponseTo("_not-ours")
                .xml(), other.relayState());

        Begun elsewhere = begin(new HostedForm());
        HttpResponse<String> carried = post(new HostedForm(), response("sp-carried@corp.test")
                .inResponseTo(elsewhere.requestId()).xml(), elsewhere.relayState());

        Begun mine = begin(browser);
        String right = response("sp-right@corp.test").inResponseTo(mine.requestId()).xml();
        HttpResponse<String> accepted = post(browser, right, mine.relayState());
        HttpResponse<String> replayed = post(browser, right, mine.relayState());

        assertRefused(wrongRequest, "sp-other@corp.test");
        assertThat(carried.statusCode()).isEqualTo(400);
        assertThat(carried.headers().firstValue("Location")).isEmpty();
        assertThat(accepted.statusCode()).as(accepted.body()).isIn(302, 303);
        assertThat(accepted.headers().firstValue("Location").orElseThrow()).startsWith(CALLBACK + "?code=");
        assertThat(replayed.statusCode()).isEqualTo(400);
    }

    /** A sign-in the server began at the test IdP: the AuthnRequest's ID and the relay state it sent. */
    private record Begun(String requestId, String relayState) {
    }

    private Begun begin(HostedForm browser) throws Exception {
        HttpResponse<String> toIdp = browser.get("/oauth2/authorize?client_id=" + clientId + "&redirect_uri="
                + URLEncoder.encode(CALLBACK.toString(), StandardCharsets.UTF_8)
                + "&response_type=code&scope=openid&identity_provider=Test");
        assertThat(toIdp.statusCode()).as(toIdp.body()).isEqualTo(302);
        URI location = URI.create(toIdp.headers().firstValue("Location").orElseThrow());
        assertThat(location.toString()).startsWith(idp.ssoUrl().toString());
        var request = idp.read(new Outgoing.Redirect(location));
        String relayState = java.net.URLDecoder.decode(location.getRawQuery().replaceAll(".*RelayState=([^&]*).*",
                "$1"), StandardCharsets.UTF_8);
        return new Begun(request.id(), relayState);
    }
}
