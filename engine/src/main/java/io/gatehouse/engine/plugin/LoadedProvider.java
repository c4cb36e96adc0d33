package io.gatehouse.engine.plugin;

import io.gatehouse.api.provider.ProviderFactory;

/**
 * A provider factory that was discovered and initialised.
 *
 * @param family  its family ({@code user-store})
 * @param id      its id within the family
 * @param version its jar's version
 * @param jar     its jar's file name
 * @param factory the initialised factory
 */
public record LoadedProvider(String family, String id, String version, String jar, ProviderFactory<?> factory) {
}
