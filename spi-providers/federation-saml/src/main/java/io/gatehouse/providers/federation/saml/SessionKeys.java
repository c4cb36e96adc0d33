package io.gatehouse.providers.federation.saml;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The name of an IdP session for the engine: the NameID with the SessionIndex the IdP gave the sign-in. A
 * LogoutRequest names the same pair, so a sign-out the IdP begins ends the hosted sessions of that IdP session only
 * (another browser's sign-in of the same user stays), and only in the pool it was for when several pools trust one
 * IdP. Without a SessionIndex there is no key, and such a sign-out ends every session of the user begun there.
 */
final class SessionKeys {

    private SessionKeys() {
    }

    static Optional<String> of(String nameId, String sessionIndex) {
        if (sessionIndex == null || sessionIndex.isBlank()) {
            return Optional.empty();
        }
        return Optional.of("n=" + URLEncoder.encode(nameId, StandardCharsets.UTF_8) + "&i="
                + URLEncoder.encode(sessionIndex, StandardCharsets.UTF_8));
    }
}
