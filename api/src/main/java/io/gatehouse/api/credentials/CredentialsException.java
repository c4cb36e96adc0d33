package io.gatehouse.api.credentials;

import java.util.Objects;

/**
 * Credentials that could not be issued. The engine answers GetCredentialsForIdentity with Cognito's error for the
 * reason; the message reaches the caller, so it never holds a token, key or secret.
 */
public class CredentialsException extends Exception {

    /** Why. */
    public enum Reason {
        /**
         * The service behind the broker refused the role for this identity (a trust policy that does not name the
         * issuer or the pool, say): Cognito's {@code InvalidIdentityPoolConfigurationException}.
         */
        ROLE_REFUSED,
        /** The service behind the broker could not be reached or failed: {@code ExternalServiceException}. */
        UNAVAILABLE
    }

    private final Reason reason;

    public CredentialsException(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public CredentialsException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Reason reason() {
        return reason;
    }
}
