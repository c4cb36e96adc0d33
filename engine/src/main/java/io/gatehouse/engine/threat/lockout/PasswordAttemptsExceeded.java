package io.gatehouse.engine.threat.lockout;

import io.gatehouse.engine.error.ServiceException;

/**
 * Cognito's answer to an attempt on a locked user: {@code NotAuthorizedException} "Password attempts exceeded",
 * given before the password is even looked at, so the right one is refused too until the lock ends. A class of its
 * own so the hosted UI can word it in the page's language.
 */
public final class PasswordAttemptsExceeded extends ServiceException {

    private static final long serialVersionUID = 1L;

    public static final String MESSAGE = "Password attempts exceeded";

    public PasswordAttemptsExceeded() {
        super("NotAuthorizedException", MESSAGE);
    }
}
