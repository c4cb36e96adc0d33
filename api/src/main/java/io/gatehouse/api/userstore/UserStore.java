package io.gatehouse.api.userstore;

import io.gatehouse.api.provider.Provider;

import java.util.Optional;

/**
 * Where one user pool's users live. A store implements the capability interfaces it supports
 * ({@link UserLookup}, {@link CredentialValidator}, {@link UserQuery}, {@link UserRegistration},
 * {@link UserModification}, {@link UserTransfer}, {@link SrpVerifierStore}); the engine asks
 * with {@link #capability(Class)} rather than assuming, so a read-only directory (LDAP, say) simply lacks
 * {@link UserRegistration}.
 *
 * <p>An instance serves the pool named by its {@link io.gatehouse.api.provider.ProviderContext#userPoolId()} and
 * runs inside the engine's transaction for the current request, if the store uses the engine's database.
 */
public interface UserStore extends Provider {

    /**
     * This store as the given capability, or empty when it does not have it.
     *
     * @param capability one of the capability interfaces of this package
     */
    default <C> Optional<C> capability(Class<C> capability) {
        return capability.isInstance(this) ? Optional.of(capability.cast(this)) : Optional.empty();
    }
}
