package io.gatehouse.api.userstore;

import io.gatehouse.api.provider.ProviderContext;

import javax.sql.DataSource;
import java.time.Clock;
import java.util.Optional;

/** What a user store gets beyond the common context: the engine's database and the pool's user-name rule. */
public interface UserStoreContext extends ProviderContext {

    /**
     * The engine's database. Connections taken from it during a request join the request's transaction, so a
     * store that writes here commits or rolls back with the rest of the call; a store must not commit itself.
     */
    DataSource dataSource();

    /** False when the pool compares user names without regard to case (Cognito's {@code CaseSensitive=false}). */
    boolean caseSensitiveUsernames();

    /** A context with these values: what the engine hands stores, and what a provider's tests can build. */
    static UserStoreContext of(String userPoolId, DataSource dataSource, boolean caseSensitiveUsernames, Clock clock) {
        record Values(Optional<String> userPoolId, DataSource dataSource, boolean caseSensitiveUsernames, Clock clock)
                implements UserStoreContext {
        }
        return new Values(Optional.of(userPoolId), dataSource, caseSensitiveUsernames, clock);
    }
}
