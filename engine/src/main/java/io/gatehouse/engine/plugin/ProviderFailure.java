package io.gatehouse.engine.plugin;

/**
 * A provider that could not be loaded: refused (built for another API version, duplicate id), or failed to
 * initialise.
 *
 * @param family its family
 * @param id     its id, or its class name when the id could not be read
 * @param jar    its jar's file name, or {@code unknown}
 * @param reason why, fit to show an operator
 */
public record ProviderFailure(String family, String id, String jar, String reason) {
}
