package io.gatehouse.api.federation;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Objects;

/**
 * A private key of the pool's and the certificate that publishes its public half (in SAML metadata, and through
 * Cognito's GetSigningCertificate).
 *
 * @param privateKey  the private key; never logged
 * @param certificate its certificate
 */
public record KeyCredential(PrivateKey privateKey, X509Certificate certificate) {

    public KeyCredential {
        Objects.requireNonNull(privateKey, "privateKey");
        Objects.requireNonNull(certificate, "certificate");
    }

    /** Names the certificate's subject only: never the key. */
    @Override
    public String toString() {
        return "KeyCredential[" + certificate.getSubjectX500Principal().getName() + "]";
    }
}
