package io.gatehouse.providers.federation.saml;

import org.opensaml.xmlsec.encryption.support.EncryptionConstants;
import org.opensaml.xmlsec.signature.support.SignatureConstants;

import java.security.Key;
import java.security.interfaces.ECKey;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The algorithms this module accepts from an IdP, and those it uses itself. Everything else is refused by name:
 * SHA-1 and MD5 signatures and digests (collisions), HMAC (the IdP's public key could serve as the secret), RSA
 * PKCS#1 v1.5 key transport (Bleichenbacher's oracle), Triple DES.
 */
final class SamlAlgorithms {

    /**
     * Signature algorithm URI to the JCA names that check a query-string (HTTP-Redirect) signature, the first of
     * which also makes one. ECDSA's value is DER, as OpenSAML and most IdPs send it; r||s (XML-DSig's encoding inside
     * XML, RFC 4050) is taken as well.
     */
    static final Map<String, List<String>> SIGNATURES = Map.of(
            SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA256, List.of("SHA256withRSA"),
            SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA384, List.of("SHA384withRSA"),
            SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA512, List.of("SHA512withRSA"),
            SignatureConstants.ALGO_ID_SIGNATURE_ECDSA_SHA256,
            List.of("SHA256withECDSA", "SHA256withECDSAinP1363Format"),
            SignatureConstants.ALGO_ID_SIGNATURE_ECDSA_SHA384,
            List.of("SHA384withECDSA", "SHA384withECDSAinP1363Format"),
            SignatureConstants.ALGO_ID_SIGNATURE_ECDSA_SHA512,
            List.of("SHA512withECDSA", "SHA512withECDSAinP1363Format"));

    static final Set<String> DIGESTS = Set.of(
            SignatureConstants.ALGO_ID_DIGEST_SHA256,
            SignatureConstants.ALGO_ID_DIGEST_SHA384,
            SignatureConstants.ALGO_ID_DIGEST_SHA512);

    /** SignedInfo canonicalisations; comments are refused in the document anyway. */
    static final Set<String> CANONICALIZATIONS = Set.of(
            SignatureConstants.ALGO_ID_C14N_EXCL_OMIT_COMMENTS,
            SignatureConstants.ALGO_ID_C14N_EXCL_WITH_COMMENTS,
            SignatureConstants.ALGO_ID_C14N_OMIT_COMMENTS,
            SignatureConstants.ALGO_ID_C14N11_OMIT_COMMENTS);

    /** What may encrypt an assertion's content. */
    static final Set<String> DATA_ENCRYPTION = Set.of(
            EncryptionConstants.ALGO_ID_BLOCKCIPHER_AES128_GCM,
            EncryptionConstants.ALGO_ID_BLOCKCIPHER_AES192_GCM,
            EncryptionConstants.ALGO_ID_BLOCKCIPHER_AES256_GCM,
            EncryptionConstants.ALGO_ID_BLOCKCIPHER_AES128,
            EncryptionConstants.ALGO_ID_BLOCKCIPHER_AES192,
            EncryptionConstants.ALGO_ID_BLOCKCIPHER_AES256);

    /** What may carry the content key to the pool's key: RSA-OAEP only. */
    static final Set<String> KEY_TRANSPORT = Set.of(
            EncryptionConstants.ALGO_ID_KEYTRANSPORT_RSAOAEP,
            EncryptionConstants.ALGO_ID_KEYTRANSPORT_RSAOAEP11);

    /**
     * OAEP's own digest and mask generation: SHA-1 is acceptable there (OAEP needs no collision resistance) and is the
     * XML Encryption default most IdPs send.
     */
    static final Set<String> OAEP_DIGESTS = Set.of(
            SignatureConstants.ALGO_ID_DIGEST_SHA1,
            SignatureConstants.ALGO_ID_DIGEST_SHA256,
            SignatureConstants.ALGO_ID_DIGEST_SHA384,
            SignatureConstants.ALGO_ID_DIGEST_SHA512);

    static final Set<String> OAEP_MGFS = Set.of(
            EncryptionConstants.ALGO_ID_MGF1_SHA1,
            EncryptionConstants.ALGO_ID_MGF1_SHA256,
            EncryptionConstants.ALGO_ID_MGF1_SHA384,
            EncryptionConstants.ALGO_ID_MGF1_SHA512);

    private SamlAlgorithms() {
    }

    /**
     * The algorithm the pool signs with: Cognito's {@code rsa-sha256} for an RSA key, ECDSA with SHA-256 for an EC
     * key (which Cognito does not have, but a pool's key may be).
     */
    static String signatureFor(Key key) {
        return key instanceof ECKey ? SignatureConstants.ALGO_ID_SIGNATURE_ECDSA_SHA256
                : SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA256;
    }

    /** The JCA names of an accepted signature algorithm (see {@link #SIGNATURES}); empty when it is not accepted. */
    static List<String> jcaSignatures(String uri) {
        return uri == null ? List.of() : SIGNATURES.getOrDefault(uri, List.of());
    }

    /**
     * A short name for messages: the URI's fragment or last segment, with anything but letters, digits and
     * {@code -_.} dropped and at most 40 characters kept (the URI is the sender's text).
     */
    static String shortName(String uri) {
        if (uri == null || uri.isBlank()) {
            return "none";
        }
        int cut = Math.max(uri.lastIndexOf('#'), uri.lastIndexOf('/'));
        String name = (cut >= 0 && cut < uri.length() - 1 ? uri.substring(cut + 1) : uri)
                .replaceAll("[^A-Za-z0-9._-]", "");
        return name.length() > 40 ? name.substring(0, 40) : name;
    }
}
