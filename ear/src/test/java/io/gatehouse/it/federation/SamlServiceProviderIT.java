package io.gatehouse.it.federation;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatehouse.it.Gatehouse;
import io.gatehouse.it.cognito.RawCall;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceNotFoundException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The pool's side towards SAML IdPs, as an IdP administrator meets it: GetSigningCertificate through the AWS SDK,
 * and the SP metadata document, which names the pool by Cognito's entity id and lists the same certificate.
 */
class SamlServiceProviderIT {

    private static final String MD = "urn:oasis:names:tc:SAML:2.0:metadata";

    private static CognitoIdentityProviderClient cognito;
    private static String poolId;

    @BeforeAll
    static void pool() {
        cognito = Gatehouse.adminClient();
        poolId = cognito.createUserPool(r -> r.poolName("saml-sp")).userPool().id();
    }

    @AfterAll
    static void close() {
        cognito.close();
    }

    private static X509Certificate certificate(String base64) throws Exception {
        return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(
                new ByteArrayInputStream(Base64.getMimeDecoder().decode(base64)));
    }

    private static HttpResponse<byte[]> get(String pathAndQuery) throws Exception {
        return Gatehouse.HTTP.send(HttpRequest.newBuilder(Gatehouse.ENDPOINT.resolve(pathAndQuery)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    @Test
    void signingCertificateWhenAskedTwiceThenTheSameSelfSignedCertificateOfThePoolsEntity() throws Exception {
        X509Certificate first = certificate(cognito.getSigningCertificate(r -> r.userPoolId(poolId)).certificate());
        X509Certificate second = certificate(cognito.getSigningCertificate(r -> r.userPoolId(poolId)).certificate());

        assertThat(second).isEqualTo(first);
        assertThat(first.getSubjectX500Principal().getName()).isEqualTo("CN=urn:amazon:cognito:sp:" + poolId);
        first.verify(first.getPublicKey());
        first.checkValidity();
    }

    @Test
    void metadataWhenFetchedThenEntityAcsLogoutAndTheSigningCertificateGetSigningCertificateGives() throws Exception {
        HttpResponse<byte[]> response = get("/saml2/metadata?user_pool_id=" + poolId);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/samlmetadata+xml"));
        Document metadata = parse(response.body());
        assertThat(metadata.getDocumentElement().getAttribute("entityID"))
                .isEqualTo("urn:amazon:cognito:sp:" + poolId);
        Element acs = (Element) metadata.getElementsByTagNameNS(MD, "AssertionConsumerService").item(0);
        assertThat(URI.create(acs.getAttribute("Location")).getPath()).isEqualTo("/saml2/idpresponse");
        Element logout = (Element) metadata.getElementsByTagNameNS(MD, "SingleLogoutService").item(0);
        assertThat(URI.create(logout.getAttribute("Location")).getPath()).isEqualTo("/saml2/logout");
        NodeList keys = metadata.getElementsByTagNameNS(MD, "KeyDescriptor");
        assertThat(keys.getLength()).isEqualTo(2);
        String signing = ((Element) keys.item(0)).getElementsByTagNameNS("http://www.w3.org/2000/09/xmldsig#",
                "X509Certificate").item(0).getTextContent();
        assertThat(certificate(signing)).isEqualTo(certificate(cognito.getSigningCertificate(r ->
                r.userPoolId(poolId)).certificate()));
        String encryption = ((Element) keys.item(1)).getElementsByTagNameNS("http://www.w3.org/2000/09/xmldsig#",
                "X509Certificate").item(0).getTextContent();
        assertThat(certificate(encryption)).as("a key of its own for encryption").isNotEqualTo(certificate(signing));
    }

    @Test
    void metadataWhenThePoolIsUnknownOrMissingThenAnErrorPageNotADocument() throws Exception {
        HttpResponse<byte[]> unknown = get("/saml2/metadata?user_pool_id=eu-west-1_Nope12345");
        HttpResponse<byte[]> missing = get("/saml2/metadata");

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(new String(missing.body())).contains("user_pool_id");
    }

    @Test
    void signingCertificateWhenThePoolIsUnknownThenResourceNotFound() {
        assertThatThrownBy(() -> cognito.getSigningCertificate(r -> r.userPoolId("eu-west-1_Nope12345")))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void idpResponseWhenNoSamlResponseThenErrorPage() throws Exception {
        HttpResponse<String> response = Gatehouse.HTTP.send(HttpRequest.newBuilder(
                        Gatehouse.ENDPOINT.resolve("/saml2/idpresponse"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("RelayState=abc")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("SAMLResponse").doesNotContain("Exception");
    }

    @Test
    void rotationWhenSignedByTheAdminThenANewSigningCertificateEverywhereAndUnsignedCallsRefused() throws Exception {
        String rotated = cognito.createUserPool(r -> r.poolName("saml-sp-rotation")).userPool().id();
        X509Certificate before = certificate(cognito.getSigningCertificate(r -> r.userPoolId(rotated)).certificate());
        String path = "/admin/user-pools/" + rotated + "/saml-keys/signing/rotate";

        HttpResponse<String> forged = RawCall.signedPost(path, Gatehouse.ADMIN_KEY, "not-the-secret");
        HttpResponse<String> wrongPurpose = RawCall.signedPost("/admin/user-pools/" + rotated
                + "/saml-keys/everything/rotate", Gatehouse.ADMIN_KEY, Gatehouse.ADMIN_SECRET);

        assertThat(forged.statusCode()).isIn(400, 403);
        assertThat(forged.body()).contains("InvalidSignatureException");
        assertThat(wrongPurpose.body()).contains("InvalidParameterException");
        assertThat(certificate(cognito.getSigningCertificate(r -> r.userPoolId(rotated)).certificate()))
                .as("a refused call rotates nothing").isEqualTo(before);

        HttpResponse<String> answer = RawCall.signedPost(path, Gatehouse.ADMIN_KEY, Gatehouse.ADMIN_SECRET);

        assertThat(answer.statusCode()).isEqualTo(200);
        X509Certificate after = certificate(new ObjectMapper().readTree(answer.body()).get("Certificate").asText());
        assertThat(after).isNotEqualTo(before);
        assertThat(certificate(cognito.getSigningCertificate(r -> r.userPoolId(rotated)).certificate()))
                .isEqualTo(after);
        Document metadata = parse(get("/saml2/metadata?user_pool_id=" + rotated).body());
        String published = ((Element) metadata.getElementsByTagNameNS(MD, "KeyDescriptor").item(0))
                .getElementsByTagNameNS("http://www.w3.org/2000/09/xmldsig#", "X509Certificate").item(0)
                .getTextContent();
        assertThat(certificate(published)).isEqualTo(after);
    }
}
