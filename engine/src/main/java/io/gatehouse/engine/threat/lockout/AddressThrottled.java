package io.gatehouse.engine.threat.lockout;

import io.gatehouse.engine.error.ServiceException;
import io.gatehouse.engine.error.Throttling;

import java.time.Duration;

/**
 * The refusal of a guess from an address that has failed too often lately: Cognito's
 * {@code TooManyRequestsException} (which the SDKs treat as throttling), HTTP 429 with {@code Retry-After} at the
 * OAuth endpoints.
 */
public final class AddressThrottled extends ServiceException {

    private static final long serialVersionUID = 1L;

    private final Duration retryAfter;

    public AddressThrottled(Duration retryAfter) {
        super(Throttling.TYPE, "Too many failed attempts from this address; try again later.");
        this.retryAfter = retryAfter;
    }

    /** How long until the address may try once more. */
    public Duration retryAfter() {
        return retryAfter;
    }

    /** {@link #retryAfter()} in whole seconds, rounded up, as {@code Retry-After} wants it. */
    public long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
}
