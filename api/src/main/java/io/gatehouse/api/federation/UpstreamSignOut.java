package io.gatehouse.api.federation;

import java.util.List;
import java.util.Objects;

/**
 * A sign-out the IdP began (SAML's LogoutRequest at {@code /saml2/logout}), checked by the provider.
 *
 * @param subject the upstream user to sign out, as {@link UpstreamIdentity#subject()} named them: the engine ends
 *                the hosted sessions of the pool's user {@code <ProviderName>_<subject>}
 * @param answer      what to send the browser once those sessions have ended (SAML: a LogoutResponse to the IdP)
 * @param sessionKeys the IdP's sessions that ended, as {@link UpstreamIdentity#sessionKey()} named them at sign-in
 *                    (SAML: the NameID with each SessionIndex): only the hosted sessions they began end; empty when
 *                    the IdP names none, and then every hosted session the subject began at the IdP ends; copied
 */
public record UpstreamSignOut(String subject, Outgoing answer, List<String> sessionKeys) {

    public UpstreamSignOut {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(answer, "answer");
        sessionKeys = List.copyOf(sessionKeys);
    }

    /** A sign-out of every session of the subject. */
    public UpstreamSignOut(String subject, Outgoing answer) {
        this(subject, answer, List.of());
    }
}
