package io.gatehouse.engine.token;

/**
 * What a successful sign-in returns.
 *
 * @param idToken          the signed ID token
 * @param accessToken      the signed access token
 * @param refreshToken     the opaque refresh token
 * @param expiresInSeconds the access token's lifetime
 */
public record TokenSet(String idToken, String accessToken, String refreshToken, long expiresInSeconds) {

    /** Never shows the tokens. */
    @Override
    public String toString() {
        return "TokenSet[expiresIn=" + expiresInSeconds + "]";
    }
}
