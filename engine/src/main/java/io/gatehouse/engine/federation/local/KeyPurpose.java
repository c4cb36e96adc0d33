package io.gatehouse.engine.federation.local;

/** What a pool's key towards SAML IdPs is for; SAML publishes the two separately in the SP metadata. */
public enum KeyPurpose {
    /** Signs authentication and sign-out requests and responses; its certificate is GetSigningCertificate's. */
    SIGNING,
    /** Opens assertions that IdPs encrypt for the pool. */
    ENCRYPTION;

    String stored() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    static KeyPurpose of(String stored) {
        return valueOf(stored.toUpperCase(java.util.Locale.ROOT));
    }
}
