package io.gatehouse.api.credentials;

import io.gatehouse.api.provider.ProviderFactory;

/**
 * Creates {@link CredentialsBroker}s. List implementations in
 * {@code META-INF/services/io.gatehouse.api.credentials.CredentialsBrokerFactory}. Server-level options arrive in
 * {@link #init} from {@code gatehouse.spi.credentials-broker.<id>.<option>}.
 */
public interface CredentialsBrokerFactory extends ProviderFactory<CredentialsBroker> {
}
