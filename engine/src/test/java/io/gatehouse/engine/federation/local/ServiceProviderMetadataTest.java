package io.gatehouse.engine.federation.local;

import io.gatehouse.api.federation.KeyCredential;
import io.gatehouse.api.federation.LocalParty;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ServiceProviderMetadataTest {

    private static final String MD = "urn:oasis:names:tc:SAML:2.0:metadata";

    private static KeyCredential signing;
    private static KeyCredential encryption;
    private static KeyCredential retiredEncryption;

    @BeforeAll
    static void keys() throws Exception {
        signing = credential("signing");
        encryption = credential("encryption");
        retiredEncryption = credential("old");
    }

    private static KeyCredential credential(String name) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        return new KeyCredential(pair.getPrivate(), SelfSignedCertificates.issue(pair, name, Instant.now()));
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void metadataWhenRenderedThenTheEntityItsEndpointsAndEveryDecryptingCertificateFirstTheActive() throws Exception {
        LocalParty party = new LocalParty("urn:amazon:cognito:sp:eu-west-1_a&b", URI.create(
                "https://auth.example.com/saml2/idpresponse"), URI.create("https://auth.example.com/saml2/logout"),
                List.of(signing), List.of(encryption, retiredEncryption));

        Document metadata = parse(ServiceProviderMetadata.of(party));

        Element entity = metadata.getDocumentElement();
        assertThat(entity.getAttribute("entityID")).isEqualTo("urn:amazon:cognito:sp:eu-west-1_a&b");
        Element acs = (Element) metadata.getElementsByTagNameNS(MD, "AssertionConsumerService").item(0);
        assertThat(acs.getAttribute("Location")).isEqualTo("https://auth.example.com/saml2/idpresponse");
        assertThat(acs.getAttribute("Binding")).isEqualTo("urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST");
        assertThat(metadata.getElementsByTagNameNS(MD, "SingleLogoutService").getLength()).isEqualTo(2);
        NodeList keys = metadata.getElementsByTagNameNS(MD, "KeyDescriptor");
        assertThat(keys.getLength()).isEqualTo(3);
        assertThat(((Element) keys.item(0)).getAttribute("use")).isEqualTo("signing");
        assertThat(certificate(keys, 0)).isEqualTo(signing.certificate().getEncoded());
        assertThat(((Element) keys.item(1)).getAttribute("use")).isEqualTo("encryption");
        assertThat(certificate(keys, 1)).isEqualTo(encryption.certificate().getEncoded());
        assertThat(certificate(keys, 2)).isEqualTo(retiredEncryption.certificate().getEncoded());
    }

    @Test
    void certificateWhenIssuedThenSelfSignedForTenYearsWithTheEntityAsSubject() throws Exception {
        assertThat(signing.certificate().getSubjectX500Principal()).isEqualTo(
                signing.certificate().getIssuerX500Principal());
        signing.certificate().verify(signing.certificate().getPublicKey());
        assertThat(signing.certificate().getNotAfter().toInstant()).isAfter(Instant.now().plus(
                SelfSignedCertificates.VALIDITY.minusDays(1)));
        assertThat(signing.certificate().getSigAlgName()).isEqualTo("SHA256withRSA");
    }

    private static byte[] certificate(NodeList keys, int index) {
        Element key = (Element) keys.item(index);
        String text = key.getElementsByTagNameNS("http://www.w3.org/2000/09/xmldsig#", "X509Certificate").item(0)
                .getTextContent();
        return Base64.getDecoder().decode(text);
    }
}
