package io.gatehouse.api.federation;

import io.gatehouse.api.provider.ProviderFactory;

/**
 * Creates {@link FederationProvider}s, one provider type each. List implementations in
 * {@code META-INF/services/io.gatehouse.api.federation.FederationProviderFactory}. Server-level options arrive in
 * {@link #init} from {@code gatehouse.spi.federation.<id>.<option>}. What is expensive and shared (HTTP clients,
 * an IdP's discovery document, its signing keys) belongs to the factory, which lives as long as the application;
 * the providers it creates are cheap and short-lived.
 */
public interface FederationProviderFactory extends ProviderFactory<FederationProvider> {
}
