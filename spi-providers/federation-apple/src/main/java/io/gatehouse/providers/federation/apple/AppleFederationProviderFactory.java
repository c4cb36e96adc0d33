package io.gatehouse.providers.federation.apple;

import io.gatehouse.api.federation.FederationProvider;
import io.gatehouse.api.provider.ProviderConfig;
import io.gatehouse.api.provider.ProviderContext;
import io.gatehouse.api.provider.ProviderInitializationException;
import io.gatehouse.providers.federation.oauth.Upstream;
import io.gatehouse.providers.federation.oauth.UpstreamOptions;
import io.gatehouse.providers.federation.oauth.UpstreamProviderFactory;

import java.net.URI;

/**
 * Federation provider {@code sign-in-with-apple}: Cognito's {@code SignInWithApple} identity provider type, and the
 * {@code appleid.apple.com} logins of identity pools. Options, under
 * {@code gatehouse.spi.federation.sign-in-with-apple.}, as every federation type takes them, and
 * {@code identity-pool-jwks-uri}, Apple's keys for identity-pool logins (see the module's README). The factory holds
 * Apple's signing keys, cached for every sign-in.
 */
public class AppleFederationProviderFactory extends UpstreamProviderFactory {

    static final String JWKS_OPTION = "identity-pool-jwks-uri";
    static final String APPLE_JWKS = "https://appleid.apple.com/auth/keys";

    private URI loginKeys;

    @Override
    public String id() {
        return "sign-in-with-apple";
    }

    @Override
    public void init(ProviderConfig config) throws ProviderInitializationException {
        loginKeys = UpstreamOptions.url(config, JWKS_OPTION, APPLE_JWKS);
        super.init(config);
    }

    @Override
    protected FederationProvider create(Upstream upstream, ProviderContext context) {
        return new AppleFederationProvider(upstream.codeExchange(), upstream.idTokenCheck(context.clock()),
                context.clock(), loginKeys);
    }
}
