package io.gatehouse.api.provider;

/**
 * The entry point of a provider: discovered with {@link java.util.ServiceLoader} under the file named after its
 * family's factory interface (for example {@code META-INF/services/io.gatehouse.api.userstore.UserStoreFactory}).
 *
 * <p>Lifecycle, driven by the engine on one thread at application start and stop:
 * <ol>
 *   <li>the no-argument constructor runs during discovery, so it must be cheap and must not fail;</li>
 *   <li>{@link #init(ProviderConfig)} runs once with the server-level configuration; a factory that cannot work
 *       throws {@link ProviderInitializationException}, and the engine reports it in readiness and never calls
 *       {@link #create} on it;</li>
 *   <li>{@link #create(ProviderContext)} runs for each unit of work, possibly on many threads at once;</li>
 *   <li>{@link #close()} runs once when the application stops (or restarts to pick up new providers).</li>
 * </ol>
 *
 * @param <P> the provider type this factory creates
 */
public interface ProviderFactory<P extends Provider> {

    /**
     * The provider's identifier within its family: lower-case words joined by hyphens ({@code jdbc},
     * {@code ldap}, {@code sign-in-with-apple}). Pools and configuration refer to providers by it, so it never
     * changes between versions.
     */
    String id();

    /**
     * Prepares the factory. Called once, before any {@link #create}.
     *
     * @param config this provider's server-level options, from configuration keys
     *               {@code gatehouse.spi.<family>.<id>.<option>}
     * @throws ProviderInitializationException when the provider cannot work; its message is shown to operators,
     *                                         so it says what is wrong and how to fix it, and holds no secret
     */
    void init(ProviderConfig config) throws ProviderInitializationException;

    /**
     * Creates a provider for one unit of work.
     *
     * @param context what the provider may use: the pool it serves, the clock; never null
     * @return a new provider, never null
     */
    P create(ProviderContext context);

    /**
     * Among several factories of one family that could serve as its default, the highest order wins. Built-in
     * providers use 0.
     */
    default int order() {
        return 0;
    }

    /** Releases what {@link #init} acquired. Called once; must not throw. */
    default void close() {
    }
}
