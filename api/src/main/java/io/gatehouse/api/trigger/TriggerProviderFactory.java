package io.gatehouse.api.trigger;

import io.gatehouse.api.provider.ProviderFactory;

/**
 * Creates {@link TriggerProvider}s. List implementations in
 * {@code META-INF/services/io.gatehouse.api.trigger.TriggerProviderFactory}; a pool's {@code LambdaConfig} names one
 * as {@code java:<id>}, its {@link #id()}. Server-level options arrive in {@link #init} from
 * {@code gatehouse.spi.trigger.<id>.<option>}.
 */
public interface TriggerProviderFactory extends ProviderFactory<TriggerProvider> {
}
