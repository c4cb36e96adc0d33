package io.gatehouse.api.password;

import io.gatehouse.api.provider.ProviderFactory;

/**
 * Creates {@link BreachedPasswordCheck}s. List implementations in
 * {@code META-INF/services/io.gatehouse.api.password.BreachedPasswordCheckFactory}. Server-level options arrive in
 * {@link #init} from {@code gatehouse.spi.breached-password.<id>.<option>}. Every loaded factory is asked, after the
 * server's built-in offline corpus; a password any of them knows is breached.
 */
public interface BreachedPasswordCheckFactory extends ProviderFactory<BreachedPasswordCheck> {
}
