package io.gatehouse.engine.plugin;

import io.gatehouse.api.provider.ProviderApi;
import io.gatehouse.api.provider.ProviderConfig;
import io.gatehouse.api.provider.ProviderFactory;
import io.gatehouse.api.provider.ProviderInitializationException;
import io.gatehouse.api.provider.Spi;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.function.BiFunction;
import java.util.function.BiPredicate;

/**
 * Finds the provider factories a class loader can see, refuses those built for another API version or clashing
 * with another's id, and initialises the rest. A broken provider never stops discovery: it becomes a
 * {@link ProviderFailure} with its reason, and the others load.
 */
public final class ProviderDiscovery {

    /** What discovery found. Factories switched off by configuration are in neither list. */
    public record Result(List<LoadedProvider> loaded, List<ProviderFailure> failures) {
        public Result {
            loaded = List.copyOf(loaded);
            failures = List.copyOf(failures);
        }
    }

    /** Past this many broken service entries in one family, discovery stops reading it: a guard, not a limit. */
    private static final int MAX_ENTRIES = 10_000;

    private final BiFunction<Spi, String, ProviderConfig> configuration;
    private final BiPredicate<Spi, String> enabled;

    /**
     * @param configuration the server-level options of provider {@code id} of a family
     * @param enabled       whether provider {@code id} of a family is switched on
     */
    public ProviderDiscovery(BiFunction<Spi, String, ProviderConfig> configuration,
                             BiPredicate<Spi, String> enabled) {
        this.configuration = configuration;
        this.enabled = enabled;
    }

    /** Discovers and initialises every family's factories visible to {@code loader}. */
    public Result discover(ClassLoader loader) {
        List<LoadedProvider> loaded = new ArrayList<>();
        List<ProviderFailure> failures = new ArrayList<>();
        for (Spi spi : Spi.all()) {
            Map<String, String> locationById = new HashMap<>();
            Iterator<? extends ProviderFactory<?>> factories =
                    ServiceLoader.load(spi.factoryType(), loader).iterator();
            for (int entry = 0; entry < MAX_ENTRIES; entry++) {
                ProviderFactory<?> factory;
                try {
                    if (!factories.hasNext()) {
                        break;
                    }
                    factory = factories.next();
                } catch (ServiceConfigurationError | LinkageError e) {
                    // The message names the class that could not be instantiated.
                    failures.add(new ProviderFailure(spi.name(), "?", ProviderOrigin.UNKNOWN, describe(e)));
                    continue;
                }
                ProviderOrigin origin = ProviderOrigin.of(factory.getClass(), ProviderApi.MANIFEST_ATTRIBUTE);
                String id = safeId(factory);
                Optional<String> refusal = refusal(factory, id, origin, locationById);
                if (refusal.isPresent()) {
                    failures.add(new ProviderFailure(spi.name(), id, origin.location(), refusal.get()));
                } else if (enabled.test(spi, id)) {
                    initialise(spi, factory, id).ifPresentOrElse(
                            why -> failures.add(new ProviderFailure(spi.name(), id, origin.location(), why)),
                            () -> loaded.add(new LoadedProvider(spi.name(), id, origin.version(),
                                    origin.location(), factory)));
                }
            }
        }
        return new Result(loaded, failures);
    }

    private static Optional<String> refusal(ProviderFactory<?> factory, String id, ProviderOrigin origin,
                                            Map<String, String> locationById) {
        if (id.equals(factory.getClass().getName())) {
            return Optional.of("refused: its id() failed or returned nothing");
        }
        Optional<String> incompatible = ProviderApi.incompatibility(origin.apiVersion().orElse(null));
        if (incompatible.isPresent()) {
            return Optional.of("refused: " + incompatible.get());
        }
        String other = locationById.putIfAbsent(id, origin.location());
        if (other != null) {
            return Optional.of("refused: a provider with id '" + id + "' is already loaded from " + other);
        }
        return Optional.empty();
    }

    private Optional<String> initialise(Spi spi, ProviderFactory<?> factory, String id) {
        try {
            factory.init(configuration.apply(spi, id));
            return Optional.empty();
        } catch (ProviderInitializationException e) {
            return Optional.of("failed to initialise: " + e.getMessage());
        } catch (RuntimeException | LinkageError e) {
            return Optional.of("failed to initialise: " + describe(e));
        }
    }

    private static String safeId(ProviderFactory<?> factory) {
        try {
            String id = factory.id();
            return id == null || id.isBlank() ? factory.getClass().getName() : id;
        } catch (RuntimeException | LinkageError e) {
            return factory.getClass().getName();
        }
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
