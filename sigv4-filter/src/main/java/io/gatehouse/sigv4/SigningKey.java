package io.gatehouse.sigv4;

import java.time.Instant;

/**
 * The derived SigV4 key of one set of credentials for one scope (day, region, service), with whom it stands for
 * and when the credentials expire.
 *
 * @param key       {@code kSigning}
 * @param caller    the identity and role of the credentials
 * @param expiresAt when the credentials stop working
 */
public record SigningKey(byte[] key, GatehouseCaller caller, Instant expiresAt) {

    public SigningKey {
        key = key.clone();
    }

    @Override
    public byte[] key() {
        return key.clone();
    }

    byte[] keyBytes() {
        return key;
    }

    @Override
    public String toString() {
        return "SigningKey[caller=" + caller + ", expiresAt=" + expiresAt + "]";
    }
}
