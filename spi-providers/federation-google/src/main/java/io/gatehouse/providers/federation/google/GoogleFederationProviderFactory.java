package io.gatehouse.providers.federation.google;

import io.gatehouse.api.federation.FederationProvider;
import io.gatehouse.api.federation.FederationProviderFactory;
import io.gatehouse.api.provider.ProviderConfig;
import io.gatehouse.api.provider.ProviderContext;
import io.gatehouse.api.provider.ProviderInitializationException;
import io.gatehouse.providers.federation.oauth.Upstream;

/**
 * Federation provider {@code google}: Cognito's {@code Google} identity provider type. Options, under
 * {@code gatehouse.spi.federation.google.}, as every federation type takes them: {@code connect-timeout-seconds},
 * {@code read-timeout-seconds}, {@code clock-skew-seconds}, {@code tls-trust} (see the module's README). The factory
 * holds Google's signing keys, cached for every sign-in.
 */
public class GoogleFederationProviderFactory implements FederationProviderFactory {

    private Upstream upstream;

    @Override
    public String id() {
        return "google";
    }

    @Override
    public void init(ProviderConfig config) throws ProviderInitializationException {
        upstream = Upstream.start(config);
    }

    @Override
    public FederationProvider create(ProviderContext context) {
        return new GoogleFederationProvider(upstream.codeExchange(), upstream.idTokenCheck(context.clock()));
    }

    @Override
    public void close() {
        if (upstream != null) {
            upstream.close();
        }
    }
}
