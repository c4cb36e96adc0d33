package io.gatehouse.providers.federation.google;

import io.gatehouse.api.federation.FederationProvider;
import io.gatehouse.api.provider.ProviderConfig;
import io.gatehouse.api.provider.ProviderContext;
import io.gatehouse.api.provider.ProviderInitializationException;
import io.gatehouse.providers.federation.oauth.Upstream;
import io.gatehouse.providers.federation.oauth.UpstreamOptions;
import io.gatehouse.providers.federation.oauth.UpstreamProviderFactory;

import java.net.URI;

/**
 * Federation provider {@code google}: Cognito's {@code Google} identity provider type, and the
 * {@code accounts.google.com} logins of identity pools. Options, under {@code gatehouse.spi.federation.google.}, as
 * every federation type takes them: {@code connect-timeout-seconds}, {@code read-timeout-seconds},
 * {@code clock-skew-seconds}, {@code tls-trust}; and {@code identity-pool-jwks-uri}, Google's keys for identity-pool
 * logins (see the module's README). The factory holds Google's signing keys, cached for every sign-in.
 */
public class GoogleFederationProviderFactory extends UpstreamProviderFactory {

    static final String JWKS_OPTION = "identity-pool-jwks-uri";
    static final String GOOGLE_JWKS = "https://www.googleapis.com/oauth2/v3/certs";

    private URI loginKeys;

    @Override
    public String id() {
        return "google";
    }

    @Override
    public void init(ProviderConfig config) throws ProviderInitializationException {
        loginKeys = UpstreamOptions.url(config, JWKS_OPTION, GOOGLE_JWKS);
        super.init(config);
    }

    @Override
    protected FederationProvider create(Upstream upstream, ProviderContext context) {
        return new GoogleFederationProvider(upstream.codeExchange(), upstream.idTokenCheck(context.clock()),
                loginKeys);
    }
}
