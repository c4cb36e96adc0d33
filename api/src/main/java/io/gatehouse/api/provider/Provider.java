package io.gatehouse.api.provider;

/**
 * An object a {@link ProviderFactory} creates to do one family's work.
 *
 * <p>Instances are cheap and short-lived: the engine creates one for a unit of work (a request, a background
 * job) and closes it when that work ends. Anything expensive (connection pools, HTTP clients, parsed metadata)
 * belongs to the factory, which lives as long as the application.
 */
public interface Provider extends AutoCloseable {

    /** Releases what this instance holds. The default holds nothing. Must not throw. */
    @Override
    default void close() {
    }
}
