package io.gatehouse.engine.error;

import io.gatehouse.api.provider.ProviderBusyException;

import java.util.Optional;

/**
 * A provider's refusal of work it has no room for ({@link ProviderBusyException}: the password hasher's queue is
 * full, say) in Cognito's words: {@code TooManyRequestsException}, which SDKs treat as throttling and may retry
 * after a pause. Found anywhere in a failure's causes, as a container may wrap what a provider threw.
 */
public final class Throttling {

    public static final String TYPE = "TooManyRequestsException";

    private Throttling() {
    }

    /** The throttling error for {@code failure}, or empty when no provider refused as busy. */
    public static Optional<ServiceException> of(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ProviderBusyException) {
                return Optional.of(new ServiceException(TYPE, "Too many requests are being handled; try again "
                        + "shortly."));
            }
        }
        return Optional.empty();
    }
}
