package io.gatehouse.providers.mfa.totp;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;

import javax.crypto.spec.SecretKeySpec;
import java.io.ByteArrayOutputStream;
import java.security.InvalidKeyException;
import java.time.Instant;
import java.util.Locale;

/**
 * What the user's authenticator app does, written apart from the code under test: reads the base32 SecretCode
 * with its own RFC 4648 decoder and computes codes with an independent TOTP library (java-otp).
 */
final class AuthenticatorApp {

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    private AuthenticatorApp() {
    }

    /** The six-digit code an app shows at {@code now} for this SecretCode. */
    static String code(String secretCode, Instant now) {
        try {
            return new TimeBasedOneTimePasswordGenerator()
                    .generateOneTimePasswordString(new SecretKeySpec(base32(secretCode), "RAW"), now, Locale.ROOT);
        } catch (InvalidKeyException e) {
            throw new AssertionError(e);
        }
    }

    /** RFC 4648 base32, upper case, padding ignored. */
    static byte[] base32(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int buffer = 0;
        int bits = 0;
        for (char c : text.replace("=", "").toCharArray()) {
            int value = ALPHABET.indexOf(c);
            if (value < 0) {
                throw new AssertionError("not base32: " + c);
            }
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8) {
                out.write((buffer >> (bits - 8)) & 0xff);
                bits -= 8;
            }
        }
        return out.toByteArray();
    }
}
