package io.gatehouse.engine.security;

import java.security.SecureRandom;
import java.util.Base64;

/** Unguessable bearer strings (refresh tokens, sessions, upload URLs): random bytes, URL-safe Base64 unpadded. */
public final class RandomTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private RandomTokens() {
    }

    /** A string carrying {@code bytes} random bytes. */
    public static String urlSafe(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }
}
