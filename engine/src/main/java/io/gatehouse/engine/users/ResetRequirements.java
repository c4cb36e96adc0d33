package io.gatehouse.engine.users;

import io.gatehouse.api.userstore.UserModification;
import io.gatehouse.api.userstore.UserRecord;
import io.gatehouse.api.userstore.UserStatus;
import io.gatehouse.api.userstore.UserStore;
import io.gatehouse.engine.token.TokenService;
import io.gatehouse.engine.userpool.UserPool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Sends a user to reset their password: status RESET_REQUIRED and their sign-ins ended, together or not at all.
 * For callers that hold no transaction (sign-ins, which must not hold one across password hashing).
 */
@ApplicationScoped
public class ResetRequirements {

    @Inject
    TokenService tokens;

    /** The user must reset their password before signing in again. */
    @Transactional
    public void require(UserPool pool, UserStore store, UserRecord user) {
        PoolUsers.capability(store, UserModification.class).updateStatus(user.sub(), UserStatus.RESET_REQUIRED);
        tokens.revokeAll(pool.id(), user.sub());
    }
}
