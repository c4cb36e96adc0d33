package io.gatehouse.providers.federation.saml;

import io.gatehouse.api.federation.FederationProvider;
import io.gatehouse.api.federation.FederationProviderFactory;
import io.gatehouse.api.provider.ProviderConfig;
import io.gatehouse.api.provider.ProviderContext;
import io.gatehouse.api.provider.ProviderInitializationException;
import org.opensaml.core.config.InitializationException;

/**
 * Federation provider {@code saml}: Cognito's {@code SAML} identity provider type. Options, under
 * {@code gatehouse.spi.federation.saml.}:
 * <ul>
 *   <li>{@code metadata-timeout-seconds}: how long a MetadataURL may take to connect, and again to answer; 1 to 60,
 *       default 5;</li>
 *   <li>{@code metadata-max-bytes}: the largest metadata document taken; 1024 to 16 MiB, default 1 MiB;</li>
 *   <li>{@code metadata-refresh-minutes}: how often a MetadataURL is read again when its document says nothing of
 *       it; 1 to 10080, default 360;</li>
 *   <li>{@code clock-skew-seconds}: how far an IdP's clock may be off; 0 to 600, default 180.</li>
 * </ul>
 * The factory initialises OpenSAML (once, about a second) and holds the IdPs' metadata.
 */
public class SamlFederationProviderFactory implements FederationProviderFactory {

    private SamlOptions options;
    private MetadataCache metadata;

    @Override
    public String id() {
        return "saml";
    }

    @Override
    public void init(ProviderConfig config) throws ProviderInitializationException {
        options = SamlOptions.from(config);
        try {
            OpenSaml.initialize();
        } catch (InitializationException | RuntimeException | LinkageError e) {
            throw new ProviderInitializationException("OpenSAML cannot be initialised: " + e.getMessage(), e);
        }
        metadata = new MetadataCache(options);
    }

    @Override
    public FederationProvider create(ProviderContext context) {
        if (metadata == null) {
            throw new IllegalStateException("the saml factory is not initialised");
        }
        return new SamlFederationProvider(metadata, options, context.clock());
    }

    @Override
    public void close() {
        if (metadata != null) {
            metadata.clear();
        }
    }
}
