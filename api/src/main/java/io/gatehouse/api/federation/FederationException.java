package io.gatehouse.api.federation;

import java.util.Objects;

/**
 * A sign-in at an IdP that did not succeed. The engine ends it on its error page or with an OAuth error to the app,
 * never in a signed-in session; the message goes to the server's log and, for {@link Reason#ACCESS_DENIED} and
 * {@link Reason#IDP_ERROR}, to the user, so it never holds a token, code or secret.
 */
public class FederationException extends Exception {

    /** Why. */
    public enum Reason {
        /** The user refused or cancelled at the IdP ({@code error=access_denied}). */
        ACCESS_DENIED,
        /** The IdP answered with another error. */
        IDP_ERROR,
        /** What came back is missing, malformed, forged, expired or for another sign-in. */
        INVALID_RESPONSE,
        /** The IdP could not be reached, or answered a server error. */
        UNAVAILABLE
    }

    private final Reason reason;

    public FederationException(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public FederationException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Reason reason() {
        return reason;
    }
}
