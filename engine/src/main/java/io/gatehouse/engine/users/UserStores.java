package io.gatehouse.engine.users;

import io.gatehouse.api.provider.Spi;
import io.gatehouse.api.userstore.UserStore;
import io.gatehouse.api.userstore.UserStoreContext;
import io.gatehouse.api.userstore.UserStoreFactory;
import io.gatehouse.engine.plugin.ProviderRegistry;
import io.gatehouse.engine.userpool.UserPool;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.sql.DataSource;
import java.time.Clock;

/** Hands the core the user store of a pool. Every pool uses the built-in {@code jdbc} store for now. */
@ApplicationScoped
public class UserStores {

    static final String DEFAULT_STORE = "jdbc";

    @Inject
    ProviderRegistry registry;

    @Inject
    Clock clock;

    @Resource(lookup = "jdbc/gatehouse")
    DataSource dataSource;

    /** About how many users the pool has, or 0 when its store cannot count. */
    public long estimatedCount(UserPool pool) {
        return forPool(pool).capability(io.gatehouse.api.userstore.UserQuery.class)
                .map(io.gatehouse.api.userstore.UserQuery::estimatedCount).orElse(0L);
    }

    /**
     * What a pool's store can do beyond the basics (UserLookup, UserRegistration, ...), for code outside this
     * package.
     *
     * @throws io.gatehouse.engine.error.ServiceException {@code InvalidParameterException} when it cannot
     */
    public static <C> C capability(UserStore store, Class<C> capability) {
        return PoolUsers.capability(store, capability);
    }

    /** The store of {@code pool}, for the current unit of work. */
    public UserStore forPool(UserPool pool) {
        UserStoreFactory factory = registry.factory(Spi.USER_STORE, DEFAULT_STORE, UserStoreFactory.class)
                .orElseThrow(() -> new IllegalStateException("the user store '" + DEFAULT_STORE
                        + "' is not loaded; see /health/ready"));
        return factory.create(UserStoreContext.of(pool.id(), dataSource, caseSensitiveUsernames(pool), clock));
    }

    /** Whether the pool's user names are case-sensitive: Cognito's API creates such pools unless told otherwise. */
    static boolean caseSensitiveUsernames(UserPool pool) {
        return pool.settings().path("UsernameConfiguration").path("CaseSensitive").asBoolean(true);
    }
}
