package io.gatehouse.api.userstore;

import java.util.Collection;
import java.util.Map;

/**
 * Moves users in and out of a store with their password hashes, so that a pool can leave or join Gatehouse without
 * every user resetting their password (since API 1.1). Runs inside the caller's transaction.
 *
 * <p>A store that implements it verifies imported hashes in their own scheme and replaces them with its own hash
 * at the user's next successful sign-in, when the clear password is at hand.
 */
public interface UserTransfer {

    /**
     * Creates a user with the given sub (or a new one) and the password hash as it is.
     *
     * @return the created user
     * @throws UserRegistration.UserExistsException when the user name, a unique alias or the sub is taken
     *                                              ({@link UserRegistration.UserExistsException#attribute()} is
     *                                              {@code sub} for the last)
     * @throws IllegalArgumentException            when the hash is in no encoding the store reads, or its cost
     *                                              is out of the store's bounds; the message says which
     */
    UserRecord importUser(TransferredUser user) throws UserRegistration.UserExistsException;

    /**
     * The stored password hashes of these users, in the store's encoding (the one {@link #importUser} reads back).
     *
     * @param subs users of this store
     * @return sub to hash; users without a password are absent
     */
    Map<String, String> passwordHashes(Collection<String> subs);
}
