package io.gatehouse.engine.threat.adaptive;

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
     * UpdateAuthEventFeedback: the user's feedback, proven by the token of the notice e-mail.
     *
     * @throws ServiceException {@code NotAuthorizedException} for a token that is not the event's, else as
     *                          {@link #byAdmin}
     */
    public void byUser(String userPoolId, String username, String eventId, String token, String value) {
        String sub = subOf(userPoolId, username);
        if (!tokens.valid(userPoolId, sub, eventId, token)) {
            throw new ServiceException("NotAuthorizedException", "The feedback token is not valid for this event.");
        }
        apply(userPoolId, sub, eventId, value, USER);
    }

    /**
     * The sub of the user an operation on auth events names, in a pool whose threat protection is on.
     *
     * @throws ServiceException {@code UserNotFoundException}, {@code ResourceNotFoundException} for an unknown
     *                          pool, {@code UserPoolAddOnNotEnabledException} where threat protection is off
     */
    public String subOf(String userPoolId, String username) {
        UserPool pool = pools.get(userPoolId);
        if (!ThreatProtectionMode.of(pool).evaluates()) {
            throw new ServiceException("UserPoolAddOnNotEnabledException", "Threat protection is off for user pool "
                    + userPoolId + " (UserPoolAddOns AdvancedSecurityMode OFF).");
        }
        return users.get(userPoolId, username).sub();
    }

    private void apply(String userPoolId, String sub, String eventId, String value, String provider) {
        if (!events.feedback(userPoolId, sub, eventId, value, provider)) {
            throw ServiceException.resourceNotFound("Auth event " + eventId + " does not exist for this user.");
        }
    }
}
