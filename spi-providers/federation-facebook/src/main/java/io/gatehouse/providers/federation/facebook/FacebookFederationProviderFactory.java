package io.gatehouse.providers.federation.facebook;

import io.gatehouse.api.federation.FederationProvider;
import io.gatehouse.api.provider.ProviderConfig;
import io.gatehouse.api.provider.ProviderContext;
import io.gatehouse.api.provider.ProviderInitializationException;
import io.gatehouse.providers.federation.oauth.Upstream;
import io.gatehouse.providers.federation.oauth.UpstreamOptions;
import io.gatehouse.providers.federation.oauth.UpstreamProviderFactory;

import java.net.URI;

/**
 * Federation provider {@code facebook}: Cognito's {@code Facebook} identity provider type, and the
 * {@code graph.facebook.com} logins of identity pools. Options, under {@code gatehouse.spi.federation.facebook.}, as
 * every federation type takes them, and {@code identity-pool-graph-url}, the Graph API identity-pool logins are
 * checked at (see the module's README).
 */
public class FacebookFederationProviderFactory extends UpstreamProviderFactory {

    static final String GRAPH_OPTION = "identity-pool-graph-url";
    static final String GRAPH = "https://graph.facebook.com";

    private URI graph;

    @Override
    public String id() {
        return "facebook";
    }

    @Override
    public void init(ProviderConfig config) throws ProviderInitializationException {
        graph = UpstreamOptions.url(config, GRAPH_OPTION, GRAPH);
        super.init(config);
    }

    @Override
    protected FederationProvider create(Upstream upstream, ProviderContext context) {
        return new FacebookFederationProvider(upstream, graph);
    }
}
