package io.gatehouse.providers.userstore.jdbc;

import io.gatehouse.api.provider.ProviderConfig;
import io.gatehouse.api.provider.ProviderInitializationException;
import io.gatehouse.api.userstore.UserStore;
import io.gatehouse.api.userstore.UserStoreContext;
import io.gatehouse.api.userstore.UserStoreFactory;

/**
 * The default user store, id {@code jdbc}: users on the engine's database.
 *
 * <p>Options ({@code gatehouse.spi.user-store.jdbc.<option>}): {@code argon2.memory-kib} (19456),
 * {@code argon2.iterations} (2), {@code argon2.parallelism} (1). Raising them rehashes each user's password at
 * their next successful sign-in.
 */
public class JdbcUserStoreFactory implements UserStoreFactory {

    private volatile Argon2idHasher hasher = Argon2idHasher.OWASP;

    @Override
    public String id() {
        return "jdbc";
    }

    @Override
    public void init(ProviderConfig config) throws ProviderInitializationException {
        try {
            hasher = new Argon2idHasher(
                    config.getInt("argon2.memory-kib", Argon2idHasher.OWASP.memoryKib()),
                    config.getInt("argon2.iterations", Argon2idHasher.OWASP.iterations()),
                    config.getInt("argon2.parallelism", Argon2idHasher.OWASP.parallelism()));
        } catch (IllegalArgumentException e) {
            throw new ProviderInitializationException(e.getMessage());
        }
    }

    @Override
    public UserStore create(UserStoreContext context) {
        return new JdbcUserStore(context, hasher);
    }
}
