package io.gatehouse.providers.federation.oauth;

import io.gatehouse.api.provider.ProviderConfig;
import io.gatehouse.api.provider.ProviderInitializationException;

import javax.net.ssl.SSLSocketFactory;
import java.time.Clock;
import java.util.Optional;

/**
 * What a federation factory holds for as long as it lives and shares with every provider it creates: its options,
 * the HTTP client settings, and the IdPs' signing keys (cached per {@code jwks_uri}). A factory makes one in
 * {@code init} and closes it in {@code close}.
 *
 * @param options the factory's options ({@link UpstreamOptions})
 * @param http    requests to IdPs, with those options
 * @param keys    the IdPs' signing keys
 */
public record Upstream(UpstreamOptions options, UpstreamHttp http, SigningKeys keys) implements AutoCloseable {

    /**
     * From the factory's options.
     *
     * @throws ProviderInitializationException when an option is out of range
     */
    public static Upstream start(ProviderConfig config) throws ProviderInitializationException {
        UpstreamOptions options = UpstreamOptions.from(config);
        Optional<SSLSocketFactory> tls = options.tlsSocketFactory();
        return new Upstream(options, new UpstreamHttp(options, tls), new SigningKeys(options, tls));
    }

    /** The code exchange over this HTTP client. */
    public CodeExchange codeExchange() {
        return new CodeExchange(http);
    }

    /** The ID token check with these keys and the unit of work's clock. */
    public IdTokenCheck idTokenCheck(Clock clock) {
        return new IdTokenCheck(keys, clock, options.clockSkew());
    }

    /** Drops the cached keys. */
    @Override
    public void close() {
        keys.close();
    }
}
