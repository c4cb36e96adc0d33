package io.gatehouse.engine.threat.adaptive;

import io.gatehouse.api.userstore.UserRecord;
import io.gatehouse.engine.error.ServiceException;
import io.gatehouse.engine.threat.risk.ThreatProtectionMode;
import io.gatehouse.engine.userpool.UserPool;
import io.gatehouse.engine.userpool.UserPools;
import io.gatehouse.engine.users.UserDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Feedback on an auth event: an administrator's (AdminUpdateAuthEventFeedback) or the user's through the notice
 * e-mail's links (UpdateAuthEventFeedback, with its FeedbackToken). What it changes: an event marked
 * {@code Invalid} ("not me") stops counting as the user's history, so its device and network are new again, and
 * its network fires {@link DisownedNetwork} on later sign-ins; one marked {@code Valid} counts as the user's even if
 * it failed or was blocked, so its device and network are known from then on. Feedback given again replaces the
 * last.
 */
@ApplicationScoped
public class AuthEventFeedback {

    /** The Provider an administrator's feedback is recorded with. */
    public static final String ADMIN = "Admin";

    /** The Provider the user's feedback through the notice's links is recorded with. */
    public static final String USER = "User";

    @Inject
    UserPools pools;

    @Inject
    UserDirectory users;

    @Inject
    AuthEvents events;

    @Inject
    FeedbackTokens tokens;

    /**
     * AdminUpdateAuthEventFeedback.
     *
     * @throws ServiceException {@code UserNotFoundException}, {@code ResourceNotFoundException} for an event the
     *                          user does not have, {@code UserPoolAddOnNotEnabledException} where threat protection
     *                          is off
     */
    public void byAdmin(String userPoolId, String username, String eventId, String value) {
        String sub = subOf(userPoolId, username);
        apply(userPoolId, sub, eventId, value, ADMIN);
    }

    /**
     * UpdateAuthEventFeedback: the user's feedback, proven by the token of the notice e-mail. The call needs no
     * credential, so an unknown user is answered as a wrong token is: it must not tell who has an account.
     *
     * @throws ServiceException {@code NotAuthorizedException} for an unknown user or a token that is not the
     *                          event's, {@code ResourceNotFoundException} for an unknown pool or event,
     *                          {@code UserPoolAddOnNotEnabledException} where threat protection is off
     */
    public void byUser(String userPoolId, String username, String eventId, String token, String value) {
        UserPool pool = protectedPool(userPoolId);
        String sub = users.byUsername(pool.id(), username).map(UserRecord::sub)
                .filter(s -> tokens.valid(userPoolId, s, eventId, token))
                .orElseThrow(() -> new ServiceException("NotAuthorizedException",
                        "The feedback token is not valid for this event."));
        apply(userPoolId, sub, eventId, value, USER);
    }

    /**
     * The sub of the user an operation on auth events names, in a pool whose threat protection is on.
     *
     * @throws ServiceException {@code UserNotFoundException}, {@code ResourceNotFoundException} for an unknown
     *                          pool, {@code UserPoolAddOnNotEnabledException} where threat protection is off
     */
    public String subOf(String userPoolId, String username) {
        protectedPool(userPoolId);
        return users.get(userPoolId, username).sub();
    }

    private UserPool protectedPool(String userPoolId) {
        UserPool pool = pools.get(userPoolId);
        if (!ThreatProtectionMode.of(pool).evaluates()) {
            throw new ServiceException("UserPoolAddOnNotEnabledException", "Threat protection is off for user pool "
                    + userPoolId + " (UserPoolAddOns AdvancedSecurityMode OFF).");
        }
        return pool;
    }

    private void apply(String userPoolId, String sub, String eventId, String value, String provider) {
        if (!events.feedback(userPoolId, sub, eventId, value, provider)) {
            throw ServiceException.resourceNotFound("Auth event " + eventId + " does not exist for this user.");
        }
    }
}
