package io.gatehouse.providers.federation.saml;

import io.gatehouse.api.federation.FederationException;
import io.gatehouse.api.federation.FederationException.Reason;

/** The exceptions of this module's checks: every message names the rule broken, never the message's content. */
final class Refusal {

    private Refusal() {
    }

    /** What came is missing, malformed, forged, expired or for another sign-in. */
    static FederationException invalid(String message) {
        return new FederationException(Reason.INVALID_RESPONSE, message);
    }

    static FederationException invalid(String message, Throwable cause) {
        return new FederationException(Reason.INVALID_RESPONSE, message, cause);
    }

    /** The IdP's metadata cannot be had. */
    static FederationException unavailable(String message, Throwable cause) {
        return new FederationException(Reason.UNAVAILABLE, message, cause);
    }
}
