package io.gatehouse.api.federation;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * A sign-in the engine begins at an IdP.
 *
 * @param callbackUri where the IdP must send the browser back: the pool's {@code /oauth2/idpresponse}, which the
 *                    IdP's client registration must list
 * @param state       the engine's opaque value to carry to the IdP and back (OAuth's {@code state}, SAML's
 *                    {@code RelayState}); unguessable, used once
 * @param loginHint   a user name or address the app passed on, for IdPs that take a hint
 */
public record SignInRequest(URI callbackUri, String state, Optional<String> loginHint) {

    public SignInRequest {
        Objects.requireNonNull(callbackUri, "callbackUri");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(loginHint, "loginHint");
    }
}
