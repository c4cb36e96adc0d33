package io.gatehouse.providers.mfa.totp;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.time.Instant;

/**
 * The TOTP algorithm of RFC 6238 with the parameters authenticator apps assume when told nothing else (and that
 * Cognito uses): HMAC-SHA1, 30-second steps counted from the Unix epoch, dynamic truncation of RFC 4226.
 */
final class Rfc6238 {

    /** Seconds per time step. */
    static final long PERIOD_SECONDS = 30;

    private static final String HMAC = "HmacSHA1";
    private static final int[] POWERS_OF_TEN = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000,
            100_000_000};

    private Rfc6238() {
    }

    /** The time step {@code instant} falls in. */
    static long step(Instant instant) {
        return Math.floorDiv(instant.getEpochSecond(), PERIOD_SECONDS);
    }

    /**
     * The code of one time step.
     *
     * @param key    the shared secret
     * @param step   the time step (RFC 6238's T)
     * @param digits how many decimal digits, 6 to 8; zero-padded on the left
     */
    static String code(byte[] key, long step, int digits) {
        if (digits < 6 || digits > 8) {
            throw new IllegalArgumentException("digits must be 6 to 8: " + digits);
        }
        byte[] hash;
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(key, HMAC));
            hash = mac.doFinal(ByteBuffer.allocate(Long.BYTES).putLong(step).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no " + HMAC, e);
        }
        // RFC 4226 section 5.3: four bytes at the offset the last nibble names, without the sign bit.
        int offset = hash[hash.length - 1] & 0x0f;
        int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
                | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
        String code = Integer.toString(binary % POWERS_OF_TEN[digits]);
        return "0".repeat(digits - code.length()) + code;
    }
}
