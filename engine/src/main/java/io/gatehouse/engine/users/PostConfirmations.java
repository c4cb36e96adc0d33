package io.gatehouse.engine.users;

import io.gatehouse.api.trigger.PostConfirmationEvent;
import io.gatehouse.api.trigger.TriggerKind;
import io.gatehouse.api.userstore.UserLookup;
import io.gatehouse.api.userstore.UserRecord;
import io.gatehouse.api.userstore.UserStore;
import io.gatehouse.engine.error.ServiceException;
import io.gatehouse.engine.trigger.ConfiguredTrigger;
import io.gatehouse.engine.trigger.UserAttributes;
import io.gatehouse.engine.trigger.Triggers;
import io.gatehouse.engine.trigger.calls.PostConfirmationCall;
import io.gatehouse.engine.userpool.UserPool;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;

import java.util.Map;
import java.util.Optional;

/**
 * The PostConfirmation trigger (PostConfirmation_ConfirmSignUp on ConfirmSignUp, AdminConfirmSignUp and a sign-up a
 * PreSignUp trigger confirmed; PostConfirmation_ConfirmForgotPassword on ConfirmForgotPassword), run at the end of
 * the confirmation's transaction on the user as the confirmation left them. If it fails, the confirmation is not
 * applied: the transaction is marked for rollback (the confirmation calls otherwise commit on a ServiceException, to
 * count wrong codes), and the call answers the trigger's error.
 */
@ApplicationScoped
public class PostConfirmations {

    static final String CONFIRM_SIGN_UP = "PostConfirmation_ConfirmSignUp";
    static final String CONFIRM_FORGOT_PASSWORD = "PostConfirmation_ConfirmForgotPassword";

    @Inject
    Triggers triggers;

    @Resource
    TransactionSynchronizationRegistry transactions;

    /**
     * Runs the pool's PostConfirmation trigger, if it has one, for the user just confirmed (read again, with what the
     * confirmation wrote).
     *
     * @throws ServiceException the trigger's error; the transaction is then rolled back
     */
    void run(UserPool pool, UserStore store, String sub, String triggerSource, Optional<String> clientId,
             Map<String, String> clientMetadata) {
        Optional<ConfiguredTrigger> trigger = triggers.configured(pool, TriggerKind.POST_CONFIRMATION);
        if (trigger.isEmpty()) {
            return;
        }
        UserRecord user = PoolUsers.capability(store, UserLookup.class).findBySub(sub).orElseThrow();
        try {
            triggers.run(pool, trigger.get(), PostConfirmationCall.INSTANCE, new PostConfirmationEvent(
                    triggers.context(pool, trigger.get(), triggerSource, user.username(), clientId),
                    UserAttributes.of(user), clientMetadata));
        } catch (ServiceException e) {
            transactions.setRollbackOnly();
            throw e;
        }
    }
}
