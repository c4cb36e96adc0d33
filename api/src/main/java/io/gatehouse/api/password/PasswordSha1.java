package io.gatehouse.api.password;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The SHA-1 digest of a password's UTF-8 bytes, as 40 upper-case hexadecimal digits: the form Have I Been Pwned
 * publishes its corpus in, and the only form of a password a {@link BreachedPasswordCheck} is given. SHA-1 is no
 * protection for a weak password (that is the point of the check); the engine computes it in memory, never stores
 * it, and a provider should let no more than a short prefix leave the server.
 *
 * @param hex 40 upper-case hexadecimal digits
 */
public record PasswordSha1(String hex) {

    private static final Pattern HEX40 = Pattern.compile("[0-9A-F]{40}");

    public PasswordSha1 {
        Objects.requireNonNull(hex, "hex");
        if (!HEX40.matcher(hex).matches()) {
            throw new IllegalArgumentException("a SHA-1 digest is 40 upper-case hexadecimal digits");
        }
    }

    /** The digest of {@code password} (its UTF-8 bytes, exactly as given: no trimming, no case folding). */
    public static PasswordSha1 of(String password) {
        Objects.requireNonNull(password, "password");
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest(password.getBytes(StandardCharsets.UTF_8));
            return new PasswordSha1(HexFormat.of().withUpperCase().formatHex(digest));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-1", e);
        }
    }

    /** The first {@code digits} hexadecimal digits (a k-anonymity range API's prefix is 5). */
    public String prefix(int digits) {
        return hex.substring(0, digits);
    }

    /** The digits after the first {@code digits}. */
    public String suffix(int digits) {
        return hex.substring(digits);
    }

    /** The first 64 bits of the digest, as a signed long (compact corpora keep these). */
    public long first64Bits() {
        return Long.parseUnsignedLong(hex.substring(0, 16), 16);
    }

    /** Only a prefix: even a digest is not for logs. */
    @Override
    public String toString() {
        return "PasswordSha1[" + hex.substring(0, 5) + "...]";
    }
}
