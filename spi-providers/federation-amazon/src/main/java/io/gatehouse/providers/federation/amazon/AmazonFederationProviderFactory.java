package io.gatehouse.providers.federation.amazon;

import io.gatehouse.api.federation.FederationProvider;
import io.gatehouse.api.provider.ProviderConfig;
import io.gatehouse.api.provider.ProviderContext;
import io.gatehouse.api.provider.ProviderInitializationException;
import io.gatehouse.providers.federation.oauth.Upstream;
import io.gatehouse.providers.federation.oauth.UpstreamOptions;
import io.gatehouse.providers.federation.oauth.UpstreamProviderFactory;

import java.net.URI;

/**
 * Federation provider {@code login-with-amazon}: Cognito's {@code LoginWithAmazon} identity provider type, and the
 * {@code www.amazon.com} logins of identity pools. Options, under {@code gatehouse.spi.federation.login-with-amazon.},
 * as every federation type takes them, and {@code identity-pool-tokeninfo-url} and {@code identity-pool-profile-url},
 * where identity-pool logins are checked (see the module's README).
 */
public class AmazonFederationProviderFactory extends UpstreamProviderFactory {

    static final String TOKENINFO_OPTION = "identity-pool-tokeninfo-url";
    static final String PROFILE_OPTION = "identity-pool-profile-url";
    static final String TOKENINFO = "https://api.amazon.com/auth/o2/tokeninfo";
    static final String PROFILE = "https://api.amazon.com/user/profile";

    private URI tokenInfo;
    private URI profile;

    @Override
    public String id() {
        return "login-with-amazon";
    }

    @Override
    public void init(ProviderConfig config) throws ProviderInitializationException {
        tokenInfo = UpstreamOptions.url(config, TOKENINFO_OPTION, TOKENINFO);
        profile = UpstreamOptions.url(config, PROFILE_OPTION, PROFILE);
        super.init(config);
    }

    @Override
    protected FederationProvider create(Upstream upstream, ProviderContext context) {
        return new AmazonFederationProvider(upstream, tokenInfo, profile);
    }
}
