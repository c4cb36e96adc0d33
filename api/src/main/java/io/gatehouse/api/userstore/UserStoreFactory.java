package io.gatehouse.api.userstore;

import io.gatehouse.api.provider.ProviderFactory;

/**
 * Creates {@link UserStore}s. List implementations in
 * {@code META-INF/services/io.gatehouse.api.userstore.UserStoreFactory}.
 */
public interface UserStoreFactory extends ProviderFactory<UserStore> {
}
