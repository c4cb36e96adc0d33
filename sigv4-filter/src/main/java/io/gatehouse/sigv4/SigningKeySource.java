package io.gatehouse.sigv4;

/** Where the filter gets signing keys: Gatehouse ({@link GatehouseSigningKeys}), through a cache. */
@FunctionalInterface
public interface SigningKeySource {

    /**
     * The signing key of {@code scope}. Called from request threads concurrently.
     *
     * @throws SigV4Rejection when the credentials are refused ({@code UnrecognizedClientException} for unknown
     *                        ones or a wrong token, {@code ExpiredTokenException}), or with status 503 when no key
     *                        can be had now (Gatehouse unreachable or the filter misconfigured)
     */
    SigningKey signingKey(KeyScope scope);
}
