package io.gatehouse.api.userstore;

import io.gatehouse.api.provider.ProviderContext;
import io.gatehouse.api.provider.ProviderFactory;

/**
 * Creates {@link UserStore}s, one per pool and unit of work. List implementations in
 * {@code META-INF/services/io.gatehouse.api.userstore.UserStoreFactory}.
 */
public interface UserStoreFactory extends ProviderFactory<UserStore> {

    /**
     * Creates a store for the pool named by the context.
     *
     * @param context the pool, its rules and the engine's database; never null
     */
    UserStore create(UserStoreContext context);

    /** The engine always hands user stores a {@link UserStoreContext}; any other context is a programming error. */
    @Override
    default UserStore create(ProviderContext context) {
        if (context instanceof UserStoreContext userStoreContext) {
            return create(userStoreContext);
        }
        throw new IllegalArgumentException("a user store needs a UserStoreContext, not " + context);
    }
}
