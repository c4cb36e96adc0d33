package io.gatehouse.providers.federation.facebook;

import io.gatehouse.api.federation.FederationProvider;
import io.gatehouse.api.provider.ProviderContext;
import io.gatehouse.providers.federation.oauth.Upstream;
import io.gatehouse.providers.federation.oauth.UpstreamProviderFactory;

/**
 * Federation provider {@code facebook}: Cognito's {@code Facebook} identity provider type. Options, under
 * {@code gatehouse.spi.federation.facebook.}, as every federation type takes them (see the module's README).
 */
public class FacebookFederationProviderFactory extends UpstreamProviderFactory {

    @Override
    public String id() {
        return "facebook";
    }

    @Override
    protected FederationProvider create(Upstream upstream, ProviderContext context) {
        return new FacebookFederationProvider(upstream);
    }
}
