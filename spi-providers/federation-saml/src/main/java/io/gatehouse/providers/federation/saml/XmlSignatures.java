package io.gatehouse.providers.federation.saml;

import io.gatehouse.api.federation.FederationException;
import org.apache.xml.security.exceptions.XMLSecurityException;
import org.apache.xml.security.signature.Reference;
import org.apache.xml.security.signature.XMLSignature;
import org.opensaml.saml.common.SignableSAMLObject;
import org.opensaml.saml.security.impl.SAMLSignatureProfileValidator;
import org.opensaml.security.x509.BasicX509Credential;
import org.opensaml.xmlsec.signature.Signature;
import org.opensaml.xmlsec.signature.impl.SignatureImpl;
import org.opensaml.xmlsec.signature.support.SignatureConstants;
import org.opensaml.xmlsec.signature.support.SignatureException;
import org.opensaml.xmlsec.signature.support.SignatureValidator;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import java.security.cert.X509Certificate;
import java.util.List;

/**
 * Checks an enveloped XML signature of a SAML element (a Response, an Assertion, a LogoutRequest...) as SAML's
 * signature profile has it, with the IdP's metadata certificates only: a certificate in the message's KeyInfo is
 * never used, whoever it names.
 */
final class XmlSignatures {

    private XmlSignatures() {
    }

    /**
     * Refuses unless {@code signed} carries a signature that covers exactly it (one reference, to its own ID, with
     * the enveloped and exclusive canonicalisation transforms only), uses accepted algorithms, and verifies with one
     * of {@code certificates}.
     *
     * @param what names the element in messages ("the response", "the assertion")
     */
    static void verify(SignableSAMLObject signed, List<X509Certificate> certificates, String what)
            throws FederationException {
        Signature signature = signed.getSignature();
        if (signature == null) {
            throw Refusal.invalid(what + " is not signed");
        }
        String algorithm = signature.getSignatureAlgorithm();
        if (!SamlAlgorithms.SIGNATURES.containsKey(algorithm)) {
            throw Refusal.invalid(what + " is signed with " + SamlAlgorithms.shortName(algorithm)
                    + ", which is refused (RSA or ECDSA with SHA-256, -384 or -512 only)");
        }
        if (!SamlAlgorithms.CANONICALIZATIONS.contains(signature.getCanonicalizationAlgorithm())) {
            throw Refusal.invalid(what + "'s signature uses the canonicalisation "
                    + SamlAlgorithms.shortName(signature.getCanonicalizationAlgorithm()) + ", which is refused");
        }
        try {
            new SAMLSignatureProfileValidator().validate(signature);
        } catch (SignatureException e) {
            // OpenSAML's message may quote the message's reference; the rule broken is named, not the content.
            throw Refusal.invalid(what + "'s signature does not follow SAML's signature profile (one reference to"
                    + " the signed element, enveloped and exclusive canonicalisation transforms, no ds:Object)");
        }
        Reference reference = onlyReference(signature, what);
        // The profile validator lets an empty URI (the whole document) pass; SAML signs the element by its ID.
        String id = signed.getSignatureReferenceID();
        if (id == null || !("#" + id).equals(reference.getURI())) {
            throw Refusal.invalid(what + "'s signature does not refer to it by its ID");
        }
        String digest;
        try {
            digest = reference.getMessageDigestAlgorithm().getAlgorithmURI();
        } catch (org.apache.xml.security.signature.XMLSignatureException | RuntimeException e) {
            throw Refusal.invalid(what + "'s signature has no digest algorithm");
        }
        if (!SamlAlgorithms.DIGESTS.contains(digest)) {
            throw Refusal.invalid(what + "'s signature digests with " + SamlAlgorithms.shortName(digest)
                    + ", which is refused (SHA-256, -384 or -512 only)");
        }
        if (certificates.isEmpty()) {
            throw Refusal.invalid("the IdP's metadata has no current signing certificate to check " + what);
        }
        for (X509Certificate certificate : certificates) {
            try {
                SignatureValidator.validate(signature, new BasicX509Credential(certificate));
                return;
            } catch (SignatureException e) {
                // Try the next certificate: an IdP rolling its key over publishes both.
            }
        }
        throw Refusal.invalid(what + "'s signature does not verify with the IdP's signing certificates");
    }

    /**
     * Refuses a document with a signature (any ds:SignedInfo, wherever it is) by an algorithm or digest that is not
     * accepted, before anything is unmarshalled: Santuario refuses some of them (MD5) while unmarshalling, with a
     * message that would not say why.
     */
    static void refuseWeakAlgorithms(Document document, String what) throws FederationException {
        NodeList signedInfos = document.getElementsByTagNameNS(SignatureConstants.XMLSIG_NS, "SignedInfo");
        for (int i = 0; i < signedInfos.getLength(); i++) {
            Element signedInfo = (Element) signedInfos.item(i);
            NodeList methods = signedInfo.getElementsByTagNameNS(SignatureConstants.XMLSIG_NS, "SignatureMethod");
            for (int m = 0; m < methods.getLength(); m++) {
                String algorithm = ((Element) methods.item(m)).getAttribute("Algorithm");
                if (!SamlAlgorithms.SIGNATURES.containsKey(algorithm)) {
                    throw Refusal.invalid(what + " is signed with " + SamlAlgorithms.shortName(algorithm)
                            + ", which is refused (RSA or ECDSA with SHA-256, -384 or -512 only)");
                }
            }
            NodeList digests = signedInfo.getElementsByTagNameNS(SignatureConstants.XMLSIG_NS, "DigestMethod");
            for (int d = 0; d < digests.getLength(); d++) {
                String algorithm = ((Element) digests.item(d)).getAttribute("Algorithm");
                if (!SamlAlgorithms.DIGESTS.contains(algorithm)) {
                    throw Refusal.invalid(what + "'s signature digests with " + SamlAlgorithms.shortName(algorithm)
                            + ", which is refused (SHA-256, -384 or -512 only)");
                }
            }
        }
    }

    private static Reference onlyReference(Signature signature, String what) throws FederationException {
        XMLSignature xmlSignature = signature instanceof SignatureImpl impl ? impl.getXMLSignature() : null;
        if (xmlSignature == null) {
            throw Refusal.invalid(what + "'s signature cannot be read");
        }
        try {
            return xmlSignature.getSignedInfo().item(0);
        } catch (XMLSecurityException | RuntimeException e) {
            throw Refusal.invalid(what + "'s signature has no usable reference");
        }
    }
}
