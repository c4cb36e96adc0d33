package io.gatehouse.api.federation;

import java.util.Objects;

/**
 * A sign-in begun at an IdP.
 *
 * @param outgoing     what to send the browser
 * @param pendingState what the provider needs back to complete this sign-in and no other (OIDC: the PKCE verifier
 *                     and the nonce). The engine keeps it on the server, never in the browser, and hands it to
 *                     {@link FederationProvider#complete} once.
 */
public record SignInStart(Outgoing outgoing, String pendingState) {

    public SignInStart {
        Objects.requireNonNull(outgoing, "outgoing");
        Objects.requireNonNull(pendingState, "pendingState");
    }

    /** Never shows the pending state. */
    @Override
    public String toString() {
        return "SignInStart[" + outgoing.getClass().getSimpleName() + "]";
    }
}
