package io.gatehouse.engine.security;

import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A value sealed with a data key, as a database column keeps it: {@code gh1:<key id>:<base64url of nonce and
 * AES-GCM ciphertext>}. The key id names the data key that sealed it, so that values sealed before a rotation of
 * the data key still open (with the previous key) and can be told apart from those sealed with the current one.
 * The prefix cannot be mistaken for a clear value of the columns that hold it: a private JWK starts with
 * {@code {}, and client and admin secrets have no {@code :}.
 *
 * @param keyId               12 hex digits, the data key's id
 * @param nonceAndCiphertext  the 12-byte nonce, then the ciphertext with its 16-byte tag
 */
public record SealedText(String keyId, byte[] nonceAndCiphertext) {

    static final String PREFIX = "gh1:";
    private static final Pattern FORM = Pattern.compile("gh1:([0-9a-f]{12}):([A-Za-z0-9_-]+)");

    public SealedText {
        if (!keyId.matches("[0-9a-f]{12}")) {
            throw new IllegalArgumentException("a data key id is 12 hex digits");
        }
        nonceAndCiphertext = nonceAndCiphertext.clone();
    }

    @Override
    public byte[] nonceAndCiphertext() {
        return nonceAndCiphertext.clone();
    }

    /** The stored form of {@code text}, or empty when it is not one (such as a value stored before sealing). */
    public static Optional<SealedText> parse(String text) {
        Matcher m = FORM.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new SealedText(m.group(1), Base64.getUrlDecoder().decode(m.group(2))));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Whether {@code text} looks sealed at all, whichever key sealed it. */
    public static boolean looksSealed(String text) {
        return text.startsWith(PREFIX);
    }

    /** The start of every value sealed with the data key {@code keyId}. */
    public static String prefix(String keyId) {
        return PREFIX + keyId + ":";
    }

    /** The stored form. */
    public String format() {
        return prefix(keyId) + Base64.getUrlEncoder().withoutPadding().encodeToString(nonceAndCiphertext);
    }

    /** Shows the key id only. */
    @Override
    public String toString() {
        return "SealedText[" + keyId + "]";
    }
}
