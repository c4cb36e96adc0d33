package io.gatehouse.providers.federation.apple;

import io.gatehouse.api.federation.FederationProvider;
import io.gatehouse.api.provider.ProviderContext;
import io.gatehouse.providers.federation.oauth.Upstream;
import io.gatehouse.providers.federation.oauth.UpstreamProviderFactory;

/**
 * Federation provider {@code sign-in-with-apple}: Cognito's {@code SignInWithApple} identity provider type. Options,
 * under {@code gatehouse.spi.federation.sign-in-with-apple.}, as every federation type takes them (see the module's
 * README). The factory holds Apple's signing keys, cached for every sign-in.
 */
public class AppleFederationProviderFactory extends UpstreamProviderFactory {

    @Override
    public String id() {
        return "sign-in-with-apple";
    }

    @Override
    protected FederationProvider create(Upstream upstream, ProviderContext context) {
        return new AppleFederationProvider(upstream.codeExchange(), upstream.idTokenCheck(context.clock()),
                context.clock());
    }
}
