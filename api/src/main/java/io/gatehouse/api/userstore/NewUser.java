package io.gatehouse.api.userstore;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A user to create.
 *
 * @param username   the user name
 * @param password   the initial password, or empty for a user without one (federated, or invited)
 * @param status     the status to start in
 * @param attributes attribute name to value; copied
 */
public record NewUser(String username, Optional<PasswordCredential> password, UserStatus status,
                      Map<String, String> attributes) {

    public NewUser {
        Objects.requireNonNull(username, "username");
        password = password == null ? Optional.empty() : password;
        Objects.requireNonNull(status, "status");
        attributes = Map.copyOf(attributes);
    }
}
