package io.gatehouse.engine.security;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

/** HMAC-SHA-256, which SigV4, SECRET_HASH, SRP and the data key's derivations all use. */
public final class Hmac {

    private Hmac() {
    }

    /** HMAC-SHA-256 of the concatenated {@code parts} under {@code key}. */
    public static byte[] sha256(byte[] key, byte[]... parts) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            for (byte[] part : parts) {
                mac.update(part);
            }
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is missing from this JVM", e);
        }
    }

    /** HMAC-SHA-256 of {@code text} in UTF-8. */
    public static byte[] sha256(byte[] key, String text) {
        return sha256(key, text.getBytes(StandardCharsets.UTF_8));
    }
}
