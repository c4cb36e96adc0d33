package io.gatehouse.engine.users;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How often a user can have MFA codes sent by signing in again: each sign-in that sends a code by SMS or e-mail
 * counts, per user and method, within the window of {@link VerificationCodes}, so a stranger who knows a password
 * cannot make the server text a phone without end.
 */
@ApplicationScoped
public class MfaSendLimits {

    @Inject
    VerificationCodes codes;

    @Inject
    @ConfigProperty(name = "gatehouse.mfa.max-codes-per-hour", defaultValue = "10")
    int maxPerHour;

    /**
     * Counts one code about to be sent. A transaction of its own, so a send that then fails still counts.
     *
     * @throws io.gatehouse.engine.error.ServiceException {@code LimitExceededException} past the limit
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void count(String userPoolId, String sub, String method) {
        codes.countSend(userPoolId, sub, "mfa:" + method, maxPerHour);
    }
}
