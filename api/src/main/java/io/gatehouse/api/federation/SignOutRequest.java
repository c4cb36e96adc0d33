package io.gatehouse.api.federation;

import java.net.URI;
import java.util.Objects;

/**
 * A sign-out the engine continues at an IdP after ending its own session.
 *
 * @param returnTo    where the browser goes in the end: the app's sign-out URL, already checked by the engine
 * @param callbackUri where an IdP that answers a sign-out (SAML's LogoutResponse) sends the browser back: the pool's
 *                    {@code /saml2/logout}
 * @param state       the engine's opaque value to carry there and back (SAML's {@code RelayState}); used once
 */
public record SignOutRequest(URI returnTo, URI callbackUri, String state) {

    public SignOutRequest {
        Objects.requireNonNull(returnTo, "returnTo");
        Objects.requireNonNull(callbackUri, "callbackUri");
        Objects.requireNonNull(state, "state");
    }
}
