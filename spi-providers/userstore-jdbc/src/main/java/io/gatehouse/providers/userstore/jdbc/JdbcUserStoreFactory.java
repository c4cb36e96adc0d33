package io.gatehouse.providers.userstore.jdbc;

import io.gatehouse.api.provider.ProviderConfig;
import io.gatehouse.api.provider.ProviderInitializationException;
import io.gatehouse.api.userstore.UserStore;
import io.gatehouse.api.userstore.UserStoreContext;
import io.gatehouse.api.userstore.UserStoreFactory;

import java.time.Duration;

/**
 * The default user store, id {@code jdbc}: users on the engine's database.
 *
 * <p>Options ({@code gatehouse.spi.user-store.jdbc.<option>}): {@code argon2.memory-kib} (19456),
 * {@code argon2.iterations} (2), {@code argon2.parallelism} (1). Raising them rehashes each user's password at
 * their next successful sign-in. {@code argon2.concurrency} (the number of cores) is how many threads hash
 * passwords, and so how many hashes run at once; {@code argon2.queue} (64 per thread) how many more may wait for a
 * thread, and {@code argon2.wait-ms} (10000) how long a caller waits for its hash: past either, the call is
 * refused as busy ({@link HashLimits}).
 */
public class JdbcUserStoreFactory implements UserStoreFactory {

    private volatile Argon2idHasher hasher;

    @Override
    public String id() {
        return "jdbc";
    }

    @Override
    public void init(ProviderConfig config) throws ProviderInitializationException {
        try {
            int concurrency = config.getInt("argon2.concurrency", Argon2idHasher.cores());
            HashLimits limits = new HashLimits(concurrency,
                    config.getInt("argon2.queue", HashLimits.QUEUE_PER_THREAD * Math.max(1, concurrency)),
                    Duration.ofMillis(config.getInt("argon2.wait-ms", (int) HashLimits.DEFAULT_WAIT.toMillis())));
            hasher = new Argon2idHasher(
                    config.getInt("argon2.memory-kib", Argon2idHasher.OWASP_MEMORY_KIB),
                    config.getInt("argon2.iterations", Argon2idHasher.OWASP_ITERATIONS),
                    config.getInt("argon2.parallelism", Argon2idHasher.OWASP_PARALLELISM),
                    limits, Argon2Function.best());
        } catch (IllegalArgumentException e) {
            throw new ProviderInitializationException(e.getMessage());
        }
    }

    @Override
    public UserStore create(UserStoreContext context) {
        return new JdbcUserStore(context, new PasswordHashes(hasher()));
    }

    /** The hasher {@link #init} made, or OWASP's when the factory is used without it (each one owns threads). */
    private synchronized Argon2idHasher hasher() {
        if (hasher == null) {
            hasher = Argon2idHasher.owasp();
        }
        return hasher;
    }

    @Override
    public void close() {
        Argon2idHasher current = hasher;
        if (current != null) {
            current.close();
        }
    }
}
