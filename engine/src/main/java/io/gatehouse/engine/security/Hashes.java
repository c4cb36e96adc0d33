package io.gatehouse.engine.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The one digest the engine stores secrets under: hex SHA-256. */
public final class Hashes {

    private Hashes() {
    }

    /**
     * Hex SHA-256 of {@code value} in UTF-8. Fit for long random secrets (tokens, sessions) as they are, and for
     * short ones (codes) only with a random salt prefixed and a bound on guesses.
     */
    public static String sha256Hex(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
