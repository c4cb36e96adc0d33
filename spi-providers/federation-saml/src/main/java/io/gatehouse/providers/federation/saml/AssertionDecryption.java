package io.gatehouse.providers.federation.saml;

import io.gatehouse.api.federation.FederationException;
import io.gatehouse.api.federation.KeyCredential;
import org.apache.xml.security.encryption.XMLCipher;
import org.apache.xml.security.encryption.XMLEncryptionException;
import org.opensaml.core.xml.XMLObject;
import org.opensaml.core.xml.io.UnmarshallingException;
import org.opensaml.saml.common.xml.SAMLConstants;
import org.opensaml.saml.saml2.core.Assertion;
import org.opensaml.saml.saml2.core.EncryptedAssertion;
import org.opensaml.xmlsec.encryption.EncryptedData;
import org.opensaml.xmlsec.encryption.EncryptedKey;
import org.opensaml.xmlsec.encryption.EncryptionMethod;
import org.opensaml.xmlsec.encryption.MGF;
import org.opensaml.xmlsec.encryption.support.DecryptionException;
import org.opensaml.xmlsec.encryption.support.Decrypter;
import org.opensaml.xmlsec.signature.DigestMethod;
import org.w3c.dom.Document;

import java.security.Key;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Opens an EncryptedAssertion with the pool's encryption keys (the active one and the older ones an IdP may still
 * use), by accepted algorithms only: AES-GCM or AES-CBC for the content, RSA-OAEP for the content key. The content
 * key is opened by OpenSAML (with the same algorithms allowed); the content by Santuario, and parsed here as
 * strictly as a response, comments refused, rather than by OpenSAML's decryption parser, which drops them.
 */
final class AssertionDecryption {

    /** Why any decryption failed: the same words whatever failed, so that failures tell an attacker nothing. */
    private static final String CANNOT = "the encrypted assertion cannot be decrypted with the pool's keys";

    private AssertionDecryption() {
    }

    static Assertion decrypt(EncryptedAssertion encrypted, List<KeyCredential> keys) throws FederationException {
        EncryptedData data = encrypted.getEncryptedData();
        if (data == null || data.getEncryptionMethod() == null || data.getDOM() == null) {
            throw Refusal.invalid("the encrypted assertion has no EncryptedData with an EncryptionMethod");
        }
        String dataAlgorithm = data.getEncryptionMethod().getAlgorithm();
        if (!SamlAlgorithms.DATA_ENCRYPTION.contains(dataAlgorithm)) {
            throw Refusal.invalid("the assertion is encrypted with " + SamlAlgorithms.shortName(dataAlgorithm)
                    + ", which is refused (AES-GCM or AES-CBC only)");
        }
        List<EncryptedKey> encryptedKeys = new ArrayList<>(encrypted.getEncryptedKeys());
        if (data.getKeyInfo() != null) {
            encryptedKeys.addAll(data.getKeyInfo().getEncryptedKeys());
        }
        if (encryptedKeys.isEmpty()) {
            throw Refusal.invalid("the encrypted assertion carries no EncryptedKey");
        }
        for (EncryptedKey encryptedKey : encryptedKeys) {
            checkKeyTransport(encryptedKey);
        }
        if (keys.isEmpty()) {
            throw Refusal.invalid("the assertion is encrypted, but the pool has no encryption key");
        }
        Key contentKey = contentKey(encryptedKeys, dataAlgorithm, keys);
        byte[] plain;
        try {
            XMLCipher cipher = XMLCipher.getInstance();
            cipher.init(XMLCipher.DECRYPT_MODE, contentKey);
            plain = cipher.decryptToByteArray(data.getDOM());
        } catch (XMLEncryptionException | RuntimeException e) {
            throw Refusal.invalid(CANNOT);
        }
        return parse(plain);
    }

    private static void checkKeyTransport(EncryptedKey encryptedKey) throws FederationException {
        EncryptionMethod method = encryptedKey.getEncryptionMethod();
        String algorithm = method == null ? null : method.getAlgorithm();
        if (!SamlAlgorithms.KEY_TRANSPORT.contains(algorithm)) {
            throw Refusal.invalid("the assertion's key is transported with " + SamlAlgorithms.shortName(algorithm)
                    + ", which is refused (RSA-OAEP only)");
        }
        for (XMLObject digest : method.getUnknownXMLObjects(DigestMethod.DEFAULT_ELEMENT_NAME)) {
            String uri = ((DigestMethod) digest).getAlgorithm();
            if (!SamlAlgorithms.OAEP_DIGESTS.contains(uri)) {
                throw Refusal.invalid("the assertion's key transport digests with " + SamlAlgorithms.shortName(uri)
                        + ", which is refused");
            }
        }
        for (XMLObject mgf : method.getUnknownXMLObjects(MGF.DEFAULT_ELEMENT_NAME)) {
            String uri = ((MGF) mgf).getAlgorithm();
            if (!SamlAlgorithms.OAEP_MGFS.contains(uri)) {
                throw Refusal.invalid("the assertion's key transport uses the mask " + SamlAlgorithms.shortName(uri)
                        + ", which is refused");
            }
        }
    }

    /** The content key: the first EncryptedKey that one of the pool's keys opens. */
    private static Key contentKey(List<EncryptedKey> encryptedKeys, String dataAlgorithm, List<KeyCredential> keys)
            throws FederationException {
        Set<String> allowed = new HashSet<>(SamlAlgorithms.DATA_ENCRYPTION);
        allowed.addAll(SamlAlgorithms.KEY_TRANSPORT);
        allowed.addAll(SamlAlgorithms.OAEP_DIGESTS);
        allowed.addAll(SamlAlgorithms.OAEP_MGFS);
        Decrypter decrypter = new Decrypter(null, null, null, allowed, null);
        for (EncryptedKey encryptedKey : encryptedKeys) {
            for (KeyCredential key : keys) {
                try {
                    return decrypter.decryptKey(encryptedKey, dataAlgorithm, key.privateKey());
                } catch (DecryptionException | RuntimeException e) {
                    // Not this key (an older one of the pool's may be); the next is tried.
                }
            }
        }
        throw Refusal.invalid(CANNOT);
    }

    /** The decrypted assertion, held to the rules of the response it came in. */
    private static Assertion parse(byte[] plain) throws FederationException {
        Document document;
        try {
            document = SafeXml.parse(plain);
            SafeXml.refuseCommentsAndInstructions(document);
            SafeXml.refuseRepeatedIds(document);
        } catch (SafeXml.RefusedXml e) {
            throw Refusal.invalid("the decrypted assertion is refused: " + e.getMessage());
        }
        if (!SAMLConstants.SAML20_NS.equals(document.getDocumentElement().getNamespaceURI())
                || !"Assertion".equals(document.getDocumentElement().getLocalName())) {
            throw Refusal.invalid("the encrypted assertion does not hold an Assertion");
        }
        if (SafeXml.count(document, SAMLConstants.SAML20_NS, "Assertion") != 1) {
            throw Refusal.invalid("the decrypted assertion holds other assertions (signature wrapping)");
        }
        XmlSignatures.refuseWeakAlgorithms(document, "the decrypted assertion");
        try {
            return (Assertion) OpenSaml.unmarshal(document.getDocumentElement());
        } catch (UnmarshallingException | ClassCastException e) {
            throw Refusal.invalid("the decrypted assertion is not a SAML 2.0 assertion");
        }
    }
}
