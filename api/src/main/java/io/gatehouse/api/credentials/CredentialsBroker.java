package io.gatehouse.api.credentials;

import io.gatehouse.api.provider.Provider;

/**
 * Turns a decided identity and role into temporary credentials (GetCredentialsForIdentity).
 *
 * <p>{@link #issue} may be called on many threads at once and runs inside the caller's request, so a broker that
 * calls out bounds how long it waits. It never logs the credentials it returns, nor the OpenID token.
 */
public interface CredentialsBroker extends Provider {

    /**
     * Issues credentials for {@code request}.
     *
     * @return the credentials, never null; they expire no later than {@link CredentialsRequest#duration()} from now
     * @throws CredentialsException when the role cannot be given ({@link CredentialsException.Reason#ROLE_REFUSED})
     *                              or the service behind the broker cannot be reached
     *                              ({@link CredentialsException.Reason#UNAVAILABLE})
     */
    IssuedCredentials issue(CredentialsRequest request) throws CredentialsException;

    /**
     * Whether this broker proves the identity to a third party with the identity-pool issuer's OpenID token
     * ({@link CredentialsRequest#openIdToken()}). The engine signs one for each call only when this says so: a broker
     * that mints its own credentials leaves it false and saves a signature per call.
     */
    default boolean needsOpenIdToken() {
        return false;
    }
}
