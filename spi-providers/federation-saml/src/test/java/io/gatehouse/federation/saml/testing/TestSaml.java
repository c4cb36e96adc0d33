package io.gatehouse.federation.saml.testing;

import io.gatehouse.api.federation.KeyCredential;
import net.shibboleth.utilities.java.support.xml.SerializeSupport;
import org.opensaml.core.config.InitializationException;
import org.opensaml.core.config.InitializationService;
import org.opensaml.core.xml.XMLObject;
import org.opensaml.core.xml.io.MarshallingException;
import org.opensaml.core.xml.util.XMLObjectSupport;
import org.opensaml.saml.common.SignableSAMLObject;
import org.opensaml.security.x509.BasicX509Credential;
import org.opensaml.xmlsec.SignatureSigningParameters;
import org.opensaml.xmlsec.keyinfo.impl.X509KeyInfoGeneratorFactory;
import org.opensaml.xmlsec.signature.support.SignatureConstants;
import org.opensaml.xmlsec.signature.support.SignatureSupport;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import javax.xml.namespace.QName;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.HexFormat;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * The test IdP's own use of OpenSAML and of the bindings, written apart from the provider's so that the tests check
 * the provider against an independent implementation.
 */
public final class TestSaml {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static volatile boolean initialized;

    private TestSaml() {
    }

    /** Initialises OpenSAML once in this JVM. */
    public static synchronized void initialize() {
        if (!initialized) {
            try {
                InitializationService.initialize();
            } catch (InitializationException e) {
                throw new IllegalStateException(e);
            }
            initialized = true;
        }
    }

    @SuppressWarnings("unchecked")
    static <T extends XMLObject> T build(QName element) {
        initialize();
        return (T) XMLObjectSupport.buildXMLObject(element);
    }

    static String newId() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return "_" + HexFormat.of().formatHex(bytes);
    }

    /** How a test signs: with which key, by which algorithms, showing which certificate in KeyInfo. */
    public record SigningChoice(KeyCredential key, String signatureAlgorithm, String digestAlgorithm,
                                X509Certificate keyInfoCertificate) {

        public static SigningChoice of(KeyCredential key) {
            return new SigningChoice(key, key.privateKey().getAlgorithm().equals("EC")
                    ? SignatureConstants.ALGO_ID_SIGNATURE_ECDSA_SHA256
                    : SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA256,
                    SignatureConstants.ALGO_ID_DIGEST_SHA256, key.certificate());
        }

        public SigningChoice withKey(KeyCredential other) {
            return new SigningChoice(other, signatureAlgorithm, digestAlgorithm, other.certificate());
        }

        public SigningChoice withAlgorithms(String signature, String digest) {
            return new SigningChoice(key, signature, digest, keyInfoCertificate);
        }

        public SigningChoice showing(X509Certificate certificate) {
            return new SigningChoice(key, signatureAlgorithm, digestAlgorithm, certificate);
        }
    }

    static void sign(SignableSAMLObject object, SigningChoice choice) {
        SignatureSigningParameters parameters = new SignatureSigningParameters();
        parameters.setSignatureAlgorithm(choice.signatureAlgorithm());
        parameters.setSignatureReferenceDigestMethod(choice.digestAlgorithm());
        parameters.setSignatureCanonicalizationAlgorithm(SignatureConstants.ALGO_ID_C14N_EXCL_OMIT_COMMENTS);
        X509KeyInfoGeneratorFactory keyInfo = new X509KeyInfoGeneratorFactory();
        keyInfo.setEmitEntityCertificate(true);
        parameters.setKeyInfoGenerator(keyInfo.newInstance());
        // The certificate shown may be another than the key's (a misleading KeyInfo), so KeyInfo is made from it.
        parameters.setSigningCredential(new ShownCertificate(choice.keyInfoCertificate(), choice.key()));
        try {
            SignatureSupport.signObject(object, parameters);
        } catch (Exception e) {
            throw new IllegalStateException("the test IdP cannot sign", e);
        }
    }

    /** A credential that signs with one key and shows another certificate in KeyInfo. */
    private static final class ShownCertificate extends BasicX509Credential {
        ShownCertificate(X509Certificate shown, KeyCredential key) {
            super(shown, key.privateKey());
        }
    }

    static Element marshal(XMLObject object) {
        try {
            return object.getDOM() != null ? object.getDOM() : XMLObjectSupport.marshall(object);
        } catch (MarshallingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String toXml(Node node) {
        return SerializeSupport.nodeToString(node);
    }

    /** Parses test XML (the test's own, trusted), namespace-aware, keeping comments. */
    static Document parse(String xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static String base64(String xml) {
        return Base64.getEncoder().encodeToString(xml.getBytes(StandardCharsets.UTF_8));
    }

    static String urlEncode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static byte[] deflate(String xml) {
        Deflater deflater = new Deflater(Deflater.DEFLATED, true);
        deflater.setInput(xml.getBytes(StandardCharsets.UTF_8));
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return out.toByteArray();
    }

    static String inflate(byte[] deflated) {
        try {
            Inflater inflater = new Inflater(true);
            inflater.setInput(deflated);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[4096];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && inflater.needsInput()) {
                    break;
                }
                out.write(buffer, 0, n);
            }
            inflater.end();
            return out.toString(StandardCharsets.UTF_8);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The base64 query-string signature over {@code signed} by the XML-DSig algorithm {@code algorithm}. */
    static String signQuery(String signed, KeyCredential key, String algorithm) {
        String jca = switch (algorithm) {
            case SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA256 -> "SHA256withRSA";
            case SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA1 -> "SHA1withRSA";
            case SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA512 -> "SHA512withRSA";
            case SignatureConstants.ALGO_ID_SIGNATURE_ECDSA_SHA256 -> "SHA256withECDSA";
            default -> throw new IllegalArgumentException(algorithm);
        };
        try {
            java.security.Signature signer = java.security.Signature.getInstance(jca);
            signer.initSign(key.privateKey());
            signer.update(signed.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(signer.sign());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
