package io.gatehouse.bench;

import io.gatehouse.api.federation.KeyCredential;
import io.gatehouse.federation.saml.testing.TestCertificates;
import org.apache.xml.security.encryption.XMLCipher;
import org.opensaml.core.xml.util.XMLObjectSupport;
import org.opensaml.saml.saml2.core.EncryptedAssertion;
import org.opensaml.saml.saml2.core.Response;
import org.opensaml.security.x509.BasicX509Credential;
import org.opensaml.xmlsec.encryption.EncryptedKey;
import org.opensaml.xmlsec.encryption.support.Decrypter;
import org.opensaml.xmlsec.encryption.support.EncryptionConstants;
import org.opensaml.xmlsec.signature.support.SignatureConstants;
import org.opensaml.xmlsec.signature.support.SignatureValidator;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import javax.crypto.spec.SecretKeySpec;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.Key;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.Set;

/**
 * The cryptography a SAML response costs the server at the least, measured alone on one thread in this JVM with the
 * JDK's providers (the server's SAML provider uses them too; only its token signing goes through ACCP), on a response
 * of the test IdP as the load posts it:
 *
 * @param xmlSignatureMs  checking the assertion's XML signature with OpenSAML's {@code SignatureValidator} (Santuario
 *                        underneath): the assertion canonicalised (exclusive c14n, the enveloped signature taken
 *                        out) and digested with SHA-256, and the RSA-SHA256 signature over SignedInfo checked with
 *                        the IdP's 2048-bit key. The document is parsed once; Santuario keeps SignedInfo's
 *                        canonical form after the first check, a few hundred bytes
 * @param bareVerifyMs    one bare {@code java.security.Signature} SHA256withRSA verification of 700 bytes, same key
 * @param decryptRawMs    decrypting the assertion with bare JCA: the AES-128 content key unwrapped with RSA-OAEP
 *                        (the pool's 2048-bit private key: a private-key operation) and the assertion's bytes opened
 *                        with AES-GCM
 * @param decryptLibMs    the same through the libraries, as the provider does it: OpenSAML's
 *                        {@code Decrypter.decryptKey} and Santuario's {@code XMLCipher.decryptToByteArray}
 * @param parseMs         parsing the signed response's XML (namespace-aware, DOCTYPE refused; one factory, a new
 *                        builder each time, as the provider's SafeXml) and unmarshalling it into OpenSAML's objects,
 *                        without any check
 */
record SamlCost(double xmlSignatureMs, double bareVerifyMs, double decryptRawMs, double decryptLibMs,
                double parseMs) {

    /** Labels of the result lines {@link #record} writes; the report reads them back. */
    static final String XML_SIGNATURE = "saml bound: xml signature check";
    static final String BARE_VERIFY = "saml bound: bare SHA256withRSA verify";
    static final String DECRYPT_RAW = "saml bound: decryption, bare JCA";
    static final String DECRYPT_LIB = "saml bound: decryption, OpenSAML+Santuario";
    static final String PARSE = "saml bound: response parse+unmarshal";

    private static final String XENC = "http://www.w3.org/2001/04/xmlenc#";
    private static final String DSIG = "http://www.w3.org/2000/09/xmldsig#";
    private static final DocumentBuilderFactory FACTORY = factory();

    /** Measures each for {@code window} after as long a warm-up, on responses to the pool of {@code signIns}. */
    static SamlCost measure(SamlSignIns signIns, Duration window) throws Exception {
        // A signed response as the load posts it.
        String signedXml = signIns.idp().response(signIns.sp()).nameId("bound@corp.test")
                .attribute("email", "bound@corp.test").lifetime(SamlSignIns.LIFETIME).xml();
        Response response = unmarshal(parse(signedXml));
        org.opensaml.xmlsec.signature.Signature signature = response.getAssertions().get(0).getSignature();
        BasicX509Credential idpCredential = new BasicX509Credential(signIns.idp().signing().certificate());
        SignatureValidator.validate(signature, idpCredential); // it verifies at all

        KeyCredential idpKey = signIns.idp().signing();
        byte[] message = signedXml.substring(0, Math.min(700, signedXml.length())).getBytes(StandardCharsets.UTF_8);
        Signature signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(idpKey.privateKey());
        signer.update(message);
        byte[] signatureValue = signer.sign();
        Signature verifier = Signature.getInstance("SHA256withRSA");

        // The same response encrypted for a key of this JVM's (the pool's own is the server's), 2048-bit RSA.
        KeyCredential poolKey = TestCertificates.rsa("bound encryption");
        String encryptedXml = signIns.idp().response(signIns.sp()).nameId("bound@corp.test")
                .attribute("email", "bound@corp.test").lifetime(SamlSignIns.LIFETIME)
                .encryptFor(poolKey.certificate()).xml();
        Document encryptedDocument = parse(encryptedXml);
        EncryptedAssertion encrypted = unmarshal(encryptedDocument).getEncryptedAssertions().get(0);
        Element encryptedKeyElement = (Element) encryptedDocument.getElementsByTagNameNS(XENC, "EncryptedKey")
                .item(0);
        byte[] wrappedKey = cipherValue(encryptedKeyElement);
        Element encryptedData = (Element) encryptedDocument.getElementsByTagNameNS(XENC, "EncryptedData").item(0);
        byte[] content = cipherValue(encryptedData);
        OAEPParameterSpec oaep = oaep(encryptedKeyElement);
        String assertionStart = new String(decryptRaw(poolKey.privateKey(), oaep, wrappedKey, content),
                StandardCharsets.UTF_8);
        if (!assertionStart.contains("Assertion")) {
            throw new IllegalStateException("the bare decryption gave no assertion");
        }
        EncryptedKey encryptedKey = encrypted.getEncryptedData().getKeyInfo().getEncryptedKeys().get(0);
        String dataAlgorithm = encrypted.getEncryptedData().getEncryptionMethod().getAlgorithm();
        Decrypter keyDecrypter = new Decrypter(null, null, null, Set.of(
                EncryptionConstants.ALGO_ID_BLOCKCIPHER_AES128_GCM, EncryptionConstants.ALGO_ID_KEYTRANSPORT_RSAOAEP,
                EncryptionConstants.ALGO_ID_KEYTRANSPORT_RSAOAEP11, EncryptionConstants.ALGO_ID_MGF1_SHA1,
                SignatureConstants.ALGO_ID_DIGEST_SHA1, SignatureConstants.ALGO_ID_DIGEST_SHA256), null);
        Runnable decryptLib = () -> {
            try {
                Key key = keyDecrypter.decryptKey(encryptedKey, dataAlgorithm, poolKey.privateKey());
                XMLCipher cipher = XMLCipher.getInstance();
                cipher.init(XMLCipher.DECRYPT_MODE, key);
                cipher.decryptToByteArray(encrypted.getEncryptedData().getDOM());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
        decryptLib.run();

        byte[] signedBytes = signedXml.getBytes(StandardCharsets.UTF_8);
        return new SamlCost(
                msPerRun(() -> {
                    try {
                        SignatureValidator.validate(signature, idpCredential);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }, window),
                msPerRun(() -> {
                    try {
                        verifier.initVerify(idpKey.certificate().getPublicKey());
                        verifier.update(message);
                        if (!verifier.verify(signatureValue)) {
                            throw new IllegalStateException("the bare signature does not verify");
                        }
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }, window),
                msPerRun(() -> decryptRaw(poolKey.privateKey(), oaep, wrappedKey, content), window),
                msPerRun(decryptLib, window),
                msPerRun(() -> unmarshal(parse(signedBytes)), window));
    }

    /** Prints the bound and appends one result line per operation: per second on one thread, p50 = ms each. */
    void record(Path results) throws IOException {
        System.out.printf(Locale.ROOT, "SAML crypto alone, one thread: XML signature check %.3f ms (bare "
                + "RSA verify %.3f ms), decryption %.3f ms (libraries %.3f ms), parse+unmarshal %.3f ms%n",
                xmlSignatureMs, bareVerifyMs, decryptRawMs, decryptLibMs, parseMs);
        for (Object[] line : new Object[][] {{XML_SIGNATURE, xmlSignatureMs}, {BARE_VERIFY, bareVerifyMs},
                {DECRYPT_RAW, decryptRawMs}, {DECRYPT_LIB, decryptLibMs}, {PARSE, parseMs}}) {
            double ms = (double) line[1];
            Files.writeString(results, new Result((String) line[0], 1, 1000 / ms, ms, Double.NaN, 0, Double.NaN)
                    .tsv() + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
    }

    private static byte[] decryptRaw(Key privateKey, OAEPParameterSpec oaep, byte[] wrappedKey, byte[] content) {
        try {
            Cipher rsa = Cipher.getInstance("RSA/ECB/OAEPPadding");
            rsa.init(Cipher.DECRYPT_MODE, privateKey, oaep);
            byte[] aesKey = rsa.doFinal(wrappedKey);
            // XML Encryption's AES-GCM: a 96-bit IV, then the ciphertext with its 128-bit tag.
            Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
            aes.init(Cipher.DECRYPT_MODE, new SecretKeySpec(aesKey, "AES"),
                    new GCMParameterSpec(128, content, 0, 12));
            return aes.doFinal(content, 12, content.length - 12);
        } catch (Exception e) {
            throw new IllegalStateException("the bare decryption failed", e);
        }
    }

    /**
     * RSA-OAEP's parameters as the EncryptedKey states them: {@code rsa-oaep-mgf1p} masks with MGF1-SHA1 and digests
     * with SHA-1 unless a DigestMethod says otherwise.
     */
    private static OAEPParameterSpec oaep(Element encryptedKey) {
        Element method = (Element) encryptedKey.getElementsByTagNameNS(XENC, "EncryptionMethod").item(0);
        if (!EncryptionConstants.ALGO_ID_KEYTRANSPORT_RSAOAEP.equals(method.getAttribute("Algorithm"))) {
            throw new IllegalStateException("expected rsa-oaep-mgf1p, not " + method.getAttribute("Algorithm"));
        }
        Node digest = method.getElementsByTagNameNS(DSIG, "DigestMethod").item(0);
        String digestName = digest == null ? "SHA-1" : switch (((Element) digest).getAttribute("Algorithm")) {
            case SignatureConstants.ALGO_ID_DIGEST_SHA1 -> "SHA-1";
            case SignatureConstants.ALGO_ID_DIGEST_SHA256 -> "SHA-256";
            default -> throw new IllegalStateException("OAEP digest " + ((Element) digest).getAttribute("Algorithm"));
        };
        return new OAEPParameterSpec(digestName, "MGF1", MGF1ParameterSpec.SHA1, PSource.PSpecified.DEFAULT);
    }

    /** The CipherValue of an EncryptedKey or EncryptedData element (its own CipherData's, not a nested one's). */
    private static byte[] cipherValue(Element encrypted) {
        for (Node child = encrypted.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e && XENC.equals(e.getNamespaceURI())
                    && "CipherData".equals(e.getLocalName())) {
                String text = e.getElementsByTagNameNS(XENC, "CipherValue").item(0).getTextContent();
                return Base64.getMimeDecoder().decode(text);
            }
        }
        throw new IllegalStateException("no CipherData in " + encrypted.getLocalName());
    }

    private static Document parse(String xml) {
        return parse(xml.getBytes(StandardCharsets.UTF_8));
    }

    /** A new builder from one factory per parse, as the provider's SafeXml does. */
    private static Document parse(byte[] xml) {
        try {
            return FACTORY.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static DocumentBuilderFactory factory() {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        try {
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return factory;
    }

    private static Response unmarshal(Document document) {
        try {
            return (Response) XMLObjectSupport.getUnmarshaller(document.getDocumentElement())
                    .unmarshall(document.getDocumentElement());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Milliseconds per run of {@code work} on this thread: a warm-up of {@code window}, then {@code window} timed. */
    private static double msPerRun(Runnable work, Duration window) {
        for (int round = 0; round < 2; round++) {
            long runs = 0;
            long start = System.nanoTime();
            long end = start + window.toNanos();
            while (System.nanoTime() < end) {
                work.run();
                runs++;
            }
            if (round == 1) {
                return (System.nanoTime() - start) / 1e6 / runs;
            }
        }
        throw new AssertionError();
    }
}
