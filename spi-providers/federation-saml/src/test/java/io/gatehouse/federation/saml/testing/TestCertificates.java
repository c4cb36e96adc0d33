package io.gatehouse.federation.saml.testing;

import io.gatehouse.api.federation.KeyCredential;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

/** Keys and self-signed certificates for test IdPs and test pools, made with Bouncy Castle's certificate builder. */
public final class TestCertificates {

    private static final SecureRandom RANDOM = new SecureRandom();

    private TestCertificates() {
    }

    /** A 2048-bit RSA key with a certificate valid from a day ago for ten years. */
    public static KeyCredential rsa(String commonName) {
        Instant now = Instant.now();
        return rsa(commonName, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(3650)));
    }

    /** A 2048-bit RSA key with a certificate valid from {@code notBefore} to {@code notAfter}. */
    public static KeyCredential rsa(String commonName, Instant notBefore, Instant notAfter) {
        return generate("RSA", 2048, "SHA256withRSA", commonName, notBefore, notAfter);
    }

    /** A P-256 EC key with a certificate valid for ten years. */
    public static KeyCredential ec(String commonName) {
        Instant now = Instant.now();
        return generate("EC", 256, "SHA256withECDSA", commonName, now.minus(Duration.ofDays(1)),
                now.plus(Duration.ofDays(3650)));
    }

    private static KeyCredential generate(String algorithm, int size, String signature, String commonName,
                                          Instant notBefore, Instant notAfter) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
            generator.initialize(size, RANDOM);
            KeyPair pair = generator.generateKeyPair();
            X500Name name = new X500Name("CN=" + commonName);
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name,
                    new BigInteger(64, RANDOM).abs().add(BigInteger.ONE), Date.from(notBefore), Date.from(notAfter),
                    name, pair.getPublic());
            X509Certificate certificate = new JcaX509CertificateConverter()
                    .getCertificate(builder.build(new JcaContentSignerBuilder(signature).build(pair.getPrivate())));
            return new KeyCredential(pair.getPrivate(), certificate);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("cannot make a test certificate", e);
        }
    }
}
