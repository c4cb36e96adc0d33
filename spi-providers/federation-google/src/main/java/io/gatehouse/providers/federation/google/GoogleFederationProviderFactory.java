package io.gatehouse.providers.federation.google;

import io.gatehouse.api.federation.FederationProvider;
import io.gatehouse.api.provider.ProviderContext;
import io.gatehouse.providers.federation.oauth.Upstream;
import io.gatehouse.providers.federation.oauth.UpstreamProviderFactory;

/**
 * Federation provider {@code google}: Cognito's {@code Google} identity provider type. Options, under
 * {@code gatehouse.spi.federation.google.}, as every federation type takes them: {@code connect-timeout-seconds},
 * {@code read-timeout-seconds}, {@code clock-skew-seconds}, {@code tls-trust} (see the module's README). The factory
 * holds Google's signing keys, cached for every sign-in.
 */
public class GoogleFederationProviderFactory extends UpstreamProviderFactory {

    @Override
    public String id() {
        return "google";
    }

    @Override
    protected FederationProvider create(Upstream upstream, ProviderContext context) {
        return new GoogleFederationProvider(upstream.codeExchange(), upstream.idTokenCheck(context.clock()));
    }
}
