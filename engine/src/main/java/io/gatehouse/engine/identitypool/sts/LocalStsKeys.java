package io.gatehouse.engine.identitypool.sts;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.function.Function;

/**
 * How local-sts makes credentials. An access key id is {@code ASIA} and 16 random base-32 characters, as AWS's
 * temporary keys are; its secret is not random but the HMAC of the key id under the server's data key, so no node
 * stores it and every node can recompute it to check a signature (a reseal of the data key thus ends outstanding
 * credentials early: they last an hour at most); the session token is random and stored only as its hash.
 */
final class LocalStsKeys {

    static final String PREFIX = "ASIA";
    private static final char[] BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Function<String, byte[]> mac;

    /** @param mac the data key's HMAC of a text */
    LocalStsKeys(Function<String, byte[]> mac) {
        this.mac = mac;
    }

    /** A new access key id: 20 characters, 80 random bits. */
    static String newAccessKeyId() {
        StringBuilder id = new StringBuilder(PREFIX);
        for (int i = 0; i < 16; i++) {
            id.append(BASE32[RANDOM.nextInt(BASE32.length)]);
        }
        return id.toString();
    }

    /** Whether {@code id} has the form of a key id this server issues (checked before any lookup). */
    static boolean wellFormed(String id) {
        if (id == null || id.length() != 20 || !id.startsWith(PREFIX)) {
            return false;
        }
        for (int i = PREFIX.length(); i < id.length(); i++) {
            char c = id.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= '2' && c <= '7')) {
                return false;
            }
        }
        return true;
    }

    /** A new session token: 48 random bytes, URL-safe Base64. */
    static String newSessionToken() {
        byte[] bytes = new byte[48];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The secret access key of {@code accessKeyId}: 40 characters, as AWS's are. */
    String secretFor(String accessKeyId) {
        String secret = Base64.getEncoder().encodeToString(mac.apply("local-sts secret access key\n" + accessKeyId));
        return secret.substring(0, 40);
    }
}
