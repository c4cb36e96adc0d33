package io.gatehouse.engine.federation.local;

import io.gatehouse.api.federation.KeyCredential;
import io.gatehouse.api.federation.LocalParty;

import java.security.cert.CertificateEncodingException;
import java.util.Base64;

/**
 * A pool's SAML 2.0 metadata as a service provider: what an IdP administrator imports (AD FS, Entra ID, Okta and
 * Keycloak all take it) instead of typing the entity id, the ACS and the certificates by hand. It lists the active
 * signing certificate, and every encryption certificate the pool still decrypts with, the active one first, so that
 * an IdP that re-reads it after a rotation encrypts for the new key.
 */
public final class ServiceProviderMetadata {

    private static final String SAML_PROTOCOL = "urn:oasis:names:tc:SAML:2.0:protocol";
    private static final String POST = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST";
    private static final String REDIRECT = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect";

    private ServiceProviderMetadata() {
    }

    /** The metadata document. */
    public static String of(LocalParty party) {
        StringBuilder xml = new StringBuilder(4096)
                .append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<md:EntityDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\"")
                .append(" xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\" entityID=\"")
                .append(escape(party.entityId())).append("\">\n")
                .append("  <md:SPSSODescriptor AuthnRequestsSigned=\"true\" WantAssertionsSigned=\"true\"")
                .append(" protocolSupportEnumeration=\"").append(SAML_PROTOCOL).append("\">\n");
        keyDescriptor(xml, "signing", party.activeSigning());
        for (KeyCredential encryption : party.encryption()) {
            keyDescriptor(xml, "encryption", encryption);
        }
        String logout = escape(party.singleLogoutUri().toString());
        xml.append("    <md:SingleLogoutService Binding=\"").append(REDIRECT).append("\" Location=\"").append(logout)
                .append("\"/>\n")
                .append("    <md:SingleLogoutService Binding=\"").append(POST).append("\" Location=\"").append(logout)
                .append("\"/>\n")
                .append("    <md:NameIDFormat>urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified</md:NameIDFormat>\n")
                .append("    <md:AssertionConsumerService Binding=\"").append(POST).append("\" Location=\"")
                .append(escape(party.assertionConsumerUri().toString())).append("\" index=\"0\" isDefault=\"true\"/>\n")
                .append("  </md:SPSSODescriptor>\n")
                .append("</md:EntityDescriptor>\n");
        return xml.toString();
    }

    private static void keyDescriptor(StringBuilder xml, String use, KeyCredential credential) {
        String certificate;
        try {
            certificate = Base64.getEncoder().encodeToString(credential.certificate().getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("a pool certificate cannot be encoded", e);
        }
        xml.append("    <md:KeyDescriptor use=\"").append(use).append("\"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>")
                .append(certificate).append("</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>\n");
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
