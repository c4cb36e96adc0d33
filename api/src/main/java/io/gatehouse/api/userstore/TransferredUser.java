package io.gatehouse.api.userstore;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A user brought from another system with what identifies and authenticates them there (since API 1.1).
 *
 * @param sub          the identifier to keep, or empty for a new one
 * @param username     the user name
 * @param passwordHash the password hash in one of the encodings the store accepts (see {@link UserTransfer}), or
 *                     empty for a user without a password
 * @param status       the status to start in
 * @param enabled      false for a disabled user
 * @param attributes   attribute name to value; copied
 */
public record TransferredUser(Optional<String> sub, String username, Optional<String> passwordHash,
                              UserStatus status, boolean enabled, Map<String, String> attributes) {

    public TransferredUser {
        sub = sub == null ? Optional.empty() : sub;
        Objects.requireNonNull(username, "username");
        passwordHash = passwordHash == null ? Optional.empty() : passwordHash;
        Objects.requireNonNull(status, "status");
        attributes = Map.copyOf(attributes);
    }

    /** Hides the hash, which is as sensitive as the password for a weak scheme. */
    @Override
    public String toString() {
        return "TransferredUser[sub=" + sub + ", username=" + username + ", passwordHash="
                + passwordHash.map(h -> "(set)") + ", status=" + status + ", enabled=" + enabled + "]";
    }
}
