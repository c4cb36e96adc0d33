package io.gatehouse.engine.federation.local;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

/**
 * Self-signed certificates for a pool's SAML keys. IdPs read the public key from them and, as Cognito's are, they are
 * self-signed and long-lived: SAML trusts the certificate an IdP was given in metadata, not a chain, and a
 * certificate expiring under a running federation would stop its sign-ins.
 */
final class SelfSignedCertificates {

    /** Cognito's SAML signing certificates are valid for ten years. */
    static final Duration VALIDITY = Duration.ofDays(3650);

    private static final SecureRandom RANDOM = new SecureRandom();

    private SelfSignedCertificates() {
    }

    static X509Certificate issue(KeyPair keys, String commonName, Instant notBefore) {
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, commonName).build();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, new BigInteger(127, RANDOM),
                Date.from(notBefore), Date.from(notBefore.plus(VALIDITY)), subject, keys.getPublic());
        try {
            return new JcaX509CertificateConverter().getCertificate(builder.build(
                    new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate())));
        } catch (OperatorCreationException | GeneralSecurityException e) {
            throw new IllegalStateException("could not issue a certificate for " + commonName, e);
        }
    }
}
