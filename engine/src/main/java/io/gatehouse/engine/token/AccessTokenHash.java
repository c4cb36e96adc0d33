package io.gatehouse.engine.token;

import io.gatehouse.engine.security.Hashes;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * The ID token's {@code at_hash} (OpenID Connect Core 3.1.3.6): the left half of the SHA-256 of the access token,
 * base64url without padding, SHA-256 being the hash of RS256. It ties the two tokens of one answer together.
 */
final class AccessTokenHash {

    private AccessTokenHash() {
    }

    static String of(String accessToken) {
        byte[] digest = Hashes.sha256(accessToken.getBytes(StandardCharsets.US_ASCII));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, digest.length / 2));
    }
}
