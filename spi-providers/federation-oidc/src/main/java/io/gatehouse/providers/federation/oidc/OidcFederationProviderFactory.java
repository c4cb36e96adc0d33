package io.gatehouse.providers.federation.oidc;

import io.gatehouse.api.federation.FederationProvider;
import io.gatehouse.api.provider.ProviderContext;
import io.gatehouse.providers.federation.oauth.Upstream;
import io.gatehouse.providers.federation.oauth.UpstreamProviderFactory;

/**
 * Federation provider {@code oidc}: Cognito's {@code OIDC} identity provider type. Options, under
 * {@code gatehouse.spi.federation.oidc.}:
 * <ul>
 *   <li>{@code connect-timeout-seconds}: how long to wait for an IdP to accept a connection; 1 to 60, default 5;</li>
 *   <li>{@code read-timeout-seconds}: how long to wait for an IdP's answer; 1 to 120, default 10;</li>
 *   <li>{@code clock-skew-seconds}: how far an ID token's times may be off the server's clock; 0 to 300,
 *       default 60;</li>
 *   <li>{@code tls-trust}: whose trust store checks the IdPs' certificates: {@code jdk} (default: the JVM's, with
 *       the public CAs) or {@code server} (the application server's default SSL configuration).</li>
 * </ul>
 * The factory holds what the sign-ins share: the IdPs' signing keys, cached per {@code jwks_uri}.
 */
public class OidcFederationProviderFactory extends UpstreamProviderFactory {

    @Override
    public String id() {
        return "oidc";
    }

    @Override
    protected FederationProvider create(Upstream upstream, ProviderContext context) {
        return new OidcFederationProvider(new DetailsConfigurer(upstream.http()), upstream.codeExchange(),
                upstream.idTokenCheck(context.clock()), new UserInfoClaims(upstream.http()));
    }
}
