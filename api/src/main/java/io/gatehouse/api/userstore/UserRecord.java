package io.gatehouse.api.userstore;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A user as a store returns it. Immutable.
 *
 * @param sub          the user's stable, unique identifier (a UUID, Cognito's {@code sub})
 * @param username     the user name, as the pool stores it (case-folded when the pool is case-insensitive)
 * @param status       the account status
 * @param enabled      false when an administrator disabled the user
 * @param attributes   attribute name to value ({@code email}, {@code custom:tier}, ...); copied
 * @param created      when the user was created
 * @param lastModified when the user last changed
 */
public record UserRecord(String sub, String username, UserStatus status, boolean enabled,
                         Map<String, String> attributes, Instant created, Instant lastModified) {

    public UserRecord {
        Objects.requireNonNull(sub, "sub");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(status, "status");
        attributes = Map.copyOf(attributes);
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(lastModified, "lastModified");
    }
}
