package io.gatehouse.api.userstore;

import java.util.Objects;

/**
 * A password a user presented. Its {@link #toString()} never shows the password, so it is safe to log by
 * accident.
 *
 * @param password the clear-text password
 */
public record PasswordCredential(String password) {

    public PasswordCredential {
        Objects.requireNonNull(password, "password");
    }

    @Override
    public String toString() {
        return "PasswordCredential[****]";
    }
}
