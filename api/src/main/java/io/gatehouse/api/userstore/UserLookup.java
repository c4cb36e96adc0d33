package io.gatehouse.api.userstore;

import java.util.Optional;

/** Finds users. "No such user" is an empty result, never an exception. */
public interface UserLookup {

    /** The user with this {@code sub}, or empty. */
    Optional<UserRecord> findBySub(String sub);

    /**
     * The user with this user name, or empty. The store applies the pool's case rule: when the pool is
     * case-insensitive, {@code Alice} finds {@code alice}.
     */
    Optional<UserRecord> findByUsername(String username);

    /**
     * The user whose verified {@code attribute} (an alias: {@code email}, {@code phone_number},
     * {@code preferred_username}) has this value, or empty. Unverified values never match.
     */
    Optional<UserRecord> findByAlias(String attribute, String value);
}
