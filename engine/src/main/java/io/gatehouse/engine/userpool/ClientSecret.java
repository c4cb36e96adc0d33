package io.gatehouse.engine.userpool;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;

/**
 * One of an app client's secrets, opened: a confidential client has one, or two while they are rotated, and either
 * proves the client.
 *
 * @param id      its ClientSecretId, {@code <client id>--<epoch milliseconds>}
 * @param value   the secret
 * @param created when it was made
 */
public record ClientSecret(String id, String value, Instant created) {

    /** Whether {@code presented} is this secret, compared in constant time. */
    public boolean matches(String presented) {
        return presented != null && MessageDigest.isEqual(value.getBytes(StandardCharsets.UTF_8),
                presented.getBytes(StandardCharsets.UTF_8));
    }

    /** Never shows the secret. */
    @Override
    public String toString() {
        return "ClientSecret[" + id + "]";
    }
}
