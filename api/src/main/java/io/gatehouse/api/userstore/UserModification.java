package io.gatehouse.api.userstore;

import java.util.Map;
import java.util.Set;

/**
 * Changes existing users. Runs inside the caller's transaction. Each method returns false when there is no user
 * with that {@code sub}.
 */
public interface UserModification {

    /** Sets the account status. */
    boolean updateStatus(String sub, UserStatus status);

    /** Enables or disables the user. */
    boolean updateEnabled(String sub, boolean enabled);

    /** Replaces the password; the store hashes it. */
    boolean updatePassword(String sub, PasswordCredential password);

    /**
     * Sets and removes attributes in one step.
     *
     * @param set    attribute name to new value
     * @param remove attribute names to delete
     */
    boolean updateAttributes(String sub, Map<String, String> set, Set<String> remove);
}
