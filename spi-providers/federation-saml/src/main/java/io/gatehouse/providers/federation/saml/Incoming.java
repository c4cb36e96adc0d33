package io.gatehouse.providers.federation.saml;

import io.gatehouse.api.federation.Callback;
import io.gatehouse.api.federation.FederationException;

import java.util.Optional;

/**
 * A SAML message as it came to one of the pool's endpoints: by HTTP-Redirect (in the raw query, DEFLATEd, signed in
 * the query) or by HTTP-POST (in the form, base64, signed in the XML).
 *
 * @param xml        the message's XML
 * @param redirect   the message's raw query parameters, when it came by HTTP-Redirect
 * @param relayState the RelayState that came with it
 */
record Incoming(byte[] xml, Optional<RedirectBinding.Received> redirect, Optional<String> relayState) {

    /**
     * The message in {@code parameter} ({@code SAMLRequest} or {@code SAMLResponse}); empty when the callback holds
     * none.
     *
     * @throws FederationException when it is repeated, too long or not decodable
     */
    static Optional<Incoming> read(Callback callback, String parameter) throws FederationException {
        Optional<RedirectBinding.Received> redirect = RedirectBinding.receive(callback.rawQuery(), parameter);
        if (redirect.isPresent()) {
            return Optional.of(new Incoming(redirect.get().xml(), redirect, redirect.get().relayState()));
        }
        Optional<String> posted = callback.single(parameter);
        if (posted.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Incoming(PostBinding.decode(posted.get(), parameter), Optional.empty(),
                callback.single("RelayState")));
    }

    boolean byRedirect() {
        return redirect.isPresent();
    }

    /** Never shows the message. */
    @Override
    public String toString() {
        return "Incoming[" + (byRedirect() ? "redirect" : "post") + "]";
    }
}
