package io.gatehouse.api.federation;

import java.util.Objects;
import java.util.Optional;

/**
 * A sign-out continued at an IdP.
 *
 * @param outgoing     what to send the browser
 * @param pendingState empty when the IdP sends the browser straight on to {@link SignOutRequest#returnTo()} (OIDC's
 *                     {@code post_logout_redirect_uri}); present when it answers at
 *                     {@link SignOutRequest#callbackUri()} with the request's state, to be checked by
 *                     {@link FederationProvider#completeSignOut} (SAML's LogoutResponse). The engine keeps it on
 *                     the server, never in the browser.
 */
public record SignOutStart(Outgoing outgoing, Optional<String> pendingState) {

    public SignOutStart {
        Objects.requireNonNull(outgoing, "outgoing");
        Objects.requireNonNull(pendingState, "pendingState");
    }

    /** Never shows the pending state. */
    @Override
    public String toString() {
        return "SignOutStart[" + outgoing.getClass().getSimpleName() + "]";
    }
}
