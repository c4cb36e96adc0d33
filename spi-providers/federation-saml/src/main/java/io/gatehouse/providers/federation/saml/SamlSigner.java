package io.gatehouse.providers.federation.saml;

import io.gatehouse.api.federation.KeyCredential;
import org.opensaml.core.xml.io.MarshallingException;
import org.opensaml.saml.common.SignableSAMLObject;
import org.opensaml.security.SecurityException;
import org.opensaml.security.x509.BasicX509Credential;
import org.opensaml.xmlsec.SignatureSigningParameters;
import org.opensaml.xmlsec.keyinfo.impl.X509KeyInfoGeneratorFactory;
import org.opensaml.xmlsec.signature.support.SignatureConstants;
import org.opensaml.xmlsec.signature.support.SignatureException;
import org.opensaml.xmlsec.signature.support.SignatureSupport;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

/**
 * Signs what the pool sends: an enveloped XML signature (HTTP-POST binding, and what the test IdP signs), or the
 * query-string signature of the HTTP-Redirect binding. RSA-SHA256 for an RSA key, ECDSA-SHA256 for an EC key; digest
 * SHA-256; exclusive canonicalisation; the certificate in KeyInfo, for the IdP's convenience only.
 */
final class SamlSigner {

    private SamlSigner() {
    }

    /** Signs {@code object} (marshalling it) with the credential's key, by {@code algorithm}. */
    static void sign(SignableSAMLObject object, KeyCredential credential, String algorithm) {
        BasicX509Credential signing = new BasicX509Credential(credential.certificate(), credential.privateKey());
        SignatureSigningParameters parameters = new SignatureSigningParameters();
        parameters.setSigningCredential(signing);
        parameters.setSignatureAlgorithm(algorithm);
        parameters.setSignatureReferenceDigestMethod(SignatureConstants.ALGO_ID_DIGEST_SHA256);
        parameters.setSignatureCanonicalizationAlgorithm(SignatureConstants.ALGO_ID_C14N_EXCL_OMIT_COMMENTS);
        X509KeyInfoGeneratorFactory keyInfo = new X509KeyInfoGeneratorFactory();
        keyInfo.setEmitEntityCertificate(true);
        parameters.setKeyInfoGenerator(keyInfo.newInstance());
        try {
            SignatureSupport.signObject(object, parameters);
        } catch (SecurityException | MarshallingException | SignatureException e) {
            throw new IllegalStateException("cannot sign a " + object.getElementQName().getLocalPart(), e);
        }
    }

    /** Signs with the credential's usual algorithm ({@link SamlAlgorithms#signatureFor}). */
    static void sign(SignableSAMLObject object, KeyCredential credential) {
        sign(object, credential, SamlAlgorithms.signatureFor(credential.privateKey()));
    }

    /**
     * The base64 signature of an HTTP-Redirect query ({@code SAMLRequest=..&RelayState=..&SigAlg=..}, exactly as
     * encoded), by the XML-DSig algorithm {@code algorithm}.
     */
    static String signQuery(String signedQuery, KeyCredential credential, String algorithm) {
        String jca = SamlAlgorithms.jcaSignatures(algorithm).stream().findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unsupported algorithm " + algorithm));
        try {
            java.security.Signature signer = java.security.Signature.getInstance(jca);
            signer.initSign(credential.privateKey());
            signer.update(signedQuery.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a redirect", e);
        }
    }
}
