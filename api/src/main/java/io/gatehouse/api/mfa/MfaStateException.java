package io.gatehouse.api.mfa;

/**
 * A state string an MFA method was handed does not open: it was altered, sealed for another user, pool or purpose,
 * sealed with a data key this server no longer has, or is not a state of this method at all. Thrown by
 * {@link SecretSealer#open} and by every {@link MfaMethod} operation that takes a state; never answered as a wrong
 * code, so that the engine can tell an attack or a lost key from a typing error. The engine fails the sign-in step
 * (the user starts again) and logs the event for operators. Unchecked, like the other provider exceptions. The
 * message is for operators and holds no secret.
 */
public class MfaStateException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public MfaStateException(String message) {
        super(message);
    }

    public MfaStateException(String message, Throwable cause) {
        super(message, cause);
    }
}
