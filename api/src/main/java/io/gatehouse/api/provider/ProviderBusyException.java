package io.gatehouse.api.provider;

/**
 * A provider has more work waiting than it takes on now (a flood of password hashes, say) and refuses this call at
 * once rather than keep its caller waiting without bound. The engine answers the call as throttled, with Cognito's
 * {@code TooManyRequestsException}, and writes nothing; the client may try again later. Unchecked, as the provider
 * interfaces declare no checked exceptions. The message is for operators, never shown to end users.
 */
public class ProviderBusyException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ProviderBusyException(String message) {
        super(message);
    }
}
