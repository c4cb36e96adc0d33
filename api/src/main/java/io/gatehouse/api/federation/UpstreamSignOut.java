package io.gatehouse.api.federation;

import java.util.Objects;

/**
 * A sign-out the IdP began (SAML's LogoutRequest at {@code /saml2/logout}), checked by the provider.
 *
 * @param subject the upstream user to sign out, as {@link UpstreamIdentity#subject()} named them: the engine ends
 *                the hosted sessions of the pool's user {@code <ProviderName>_<subject>}
 * @param answer  what to send the browser once those sessions have ended (SAML: a LogoutResponse to the IdP)
 */
public record UpstreamSignOut(String subject, Outgoing answer) {

    public UpstreamSignOut {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(answer, "answer");
    }
}
