package io.gatehouse.providers.federation.oauth;

import io.gatehouse.api.federation.FederationProvider;
import io.gatehouse.api.federation.FederationProviderFactory;
import io.gatehouse.api.provider.ProviderConfig;
import io.gatehouse.api.provider.ProviderContext;
import io.gatehouse.api.provider.ProviderInitializationException;

/**
 * A federation factory built on this library: {@code init} starts the {@link Upstream} its providers share (options
 * {@code connect-timeout-seconds}, {@code read-timeout-seconds}, {@code clock-skew-seconds}, {@code tls-trust} under
 * {@code gatehouse.spi.federation.<id>.}), {@code close} drops its cached keys. A type gives its id and its provider.
 */
public abstract class UpstreamProviderFactory implements FederationProviderFactory {

    private Upstream upstream;

    /** A provider for one unit of work, sharing {@code upstream}. */
    protected abstract FederationProvider create(Upstream upstream, ProviderContext context);

    @Override
    public void init(ProviderConfig config) throws ProviderInitializationException {
        upstream = Upstream.start(config);
    }

    @Override
    public FederationProvider create(ProviderContext context) {
        return create(upstream, context);
    }

    @Override
    public void close() {
        if (upstream != null) {
            upstream.close();
        }
    }
}
