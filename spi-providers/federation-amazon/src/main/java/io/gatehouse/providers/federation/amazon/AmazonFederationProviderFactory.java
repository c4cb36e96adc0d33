package io.gatehouse.providers.federation.amazon;

import io.gatehouse.api.federation.FederationProvider;
import io.gatehouse.api.provider.ProviderContext;
import io.gatehouse.providers.federation.oauth.Upstream;
import io.gatehouse.providers.federation.oauth.UpstreamProviderFactory;

/**
 * Federation provider {@code login-with-amazon}: Cognito's {@code LoginWithAmazon} identity provider type. Options,
 * under {@code gatehouse.spi.federation.login-with-amazon.}, as every federation type takes them (see the module's
 * README).
 */
public class AmazonFederationProviderFactory extends UpstreamProviderFactory {

    @Override
    public String id() {
        return "login-with-amazon";
    }

    @Override
    protected FederationProvider create(Upstream upstream, ProviderContext context) {
        return new AmazonFederationProvider(upstream);
    }
}
