package io.gatehouse.engine.security;

import java.security.SecureRandom;
import java.util.Base64;

/** Unguessable bearer strings (refresh tokens, sessions, upload URLs): random bytes, URL-safe Base64 unpadded. */
public final class RandomTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private RandomTokens() {
    }

    /**
     * A string carrying {@code bytes} random bytes, never starting with '-': command lines take such a value for an
     * option (the AWS CLI's {@code --session -x...} fails with "expected one argument"), one time in 64 otherwise.
     */
    public static String urlSafe(int bytes) {
        byte[] random = new byte[bytes];
        String token;
        do {
            RANDOM.nextBytes(random);
            token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        } while (token.startsWith("-"));
        return token;
    }
}
