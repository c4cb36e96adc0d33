package io.gatehouse.engine.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The one digest the engine stores secrets under: hex SHA-256 (and raw SHA-256 where a protocol names it). */
public final class Hashes {

    private Hashes() {
    }

    /**
     * Hex SHA-256 of {@code value} in UTF-8. Fit for long random secrets (tokens, sessions) as they are, and for
     * short ones (codes) only with a random salt prefixed and a bound on guesses.
     */
    public static String sha256Hex(String value) {
        return HexFormat.of().formatHex(sha256(value.getBytes(StandardCharsets.UTF_8)));
    }

    /** SHA-256 of {@code bytes}. */
    public static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
