package io.gatehouse.engine.plugin;

import io.gatehouse.api.provider.ProviderConfig;
import io.gatehouse.api.provider.ProviderFactory;
import io.gatehouse.api.provider.Spi;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The providers this application loaded, discovered once at start from the EAR's {@code lib/} and the server's
 * {@code providers/} library. Installing a provider restarts the application (see install-provider.sh), so the
 * set never changes while it runs.
 */
@ApplicationScoped
public class ProviderRegistry {

    /** Observer priority: after migrations, so providers may use the database in {@code init}. */
    public static final int PRIORITY = 300;

    private static final Logger LOG = Logger.getLogger(ProviderRegistry.class.getName());
    private static final String PREFIX = "gatehouse.spi.";

    private final Config config;
    private volatile ProviderDiscovery.Result result = new ProviderDiscovery.Result(List.of(), List.of());

    @Inject
    public ProviderRegistry(Config config) {
        this.config = config;
    }

    /** For CDI's proxy; never called by the application. */
    protected ProviderRegistry() {
        this.config = null;
    }

    void onStart(@Observes @Priority(PRIORITY) @Initialized(ApplicationScoped.class) Object event) {
        ProviderDiscovery discovery = new ProviderDiscovery(this::options, this::enabled);
        result = discovery.discover(getClass().getClassLoader());
        for (LoadedProvider p : result.loaded()) {
            LOG.info(() -> "Loaded provider " + p.family() + "/" + p.id() + " " + p.version() + " from " + p.jar());
        }
        for (ProviderFailure f : result.failures()) {
            LOG.severe(() -> "Provider " + f.family() + "/" + f.id() + " from " + f.jar() + " did not load: "
                    + f.reason());
        }
        LOG.info(() -> "Providers: " + result.loaded().size() + " loaded, " + result.failures().size() + " failed");
    }

    @PreDestroy
    void close() {
        for (LoadedProvider p : result.loaded()) {
            try {
                p.factory().close();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Provider " + p.family() + "/" + p.id() + " failed to close", e);
            }
        }
    }

    /** The providers that loaded, in discovery order. */
    public List<LoadedProvider> loaded() {
        return result.loaded();
    }

    /** The providers that were refused or failed to initialise. */
    public List<ProviderFailure> failures() {
        return result.failures();
    }

    /** The loaded factory of {@code spi} with this id, if any. */
    public <F extends ProviderFactory<?>> Optional<F> factory(Spi spi, String id, Class<F> type) {
        return result.loaded().stream()
                .filter(p -> p.family().equals(spi.name()) && p.id().equals(id))
                .map(p -> type.cast(p.factory()))
                .findFirst();
    }

    /** The loaded factories of {@code spi}, in discovery order. */
    public <F extends ProviderFactory<?>> List<F> factories(Spi spi, Class<F> type) {
        return result.loaded().stream()
                .filter(p -> p.family().equals(spi.name()) && type.isInstance(p.factory()))
                .map(p -> type.cast(p.factory()))
                .toList();
    }

    private boolean enabled(Spi spi, String id) {
        return config.getOptionalValue(PREFIX + spi.name() + "." + id + ".enabled", Boolean.class).orElse(true);
    }

    /**
     * The options under {@code gatehouse.spi.<family>.<id>.}. Names come from the configuration sources that can
     * list them (server.xml variables, system properties, properties files); the value read for each name honours
     * every source, environment variables included.
     */
    private ProviderConfig options(Spi spi, String id) {
        String prefix = PREFIX + spi.name() + "." + id + ".";
        Map<String, String> options = new HashMap<>();
        for (String name : config.getPropertyNames()) {
            if (name.startsWith(prefix) && name.length() > prefix.length()) {
                config.getOptionalValue(name, String.class)
                        .ifPresent(value -> options.put(name.substring(prefix.length()), value));
            }
        }
        return new ProviderConfig(options);
    }
}
