package io.gatehouse.api.federation;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Who the IdP says signed in.
 *
 * @param subject     the upstream user's stable identifier at this IdP (OIDC {@code sub}, Facebook {@code id},
 *                    Login with Amazon {@code user_id}, SAML {@code NameID}); the federated user's name is
 *                    {@code <ProviderName>_<subject>}
 * @param claims      what the IdP says of them, by its own attribute names, for the pool's attribute mapping; a
 *                    claim that is not a string comes as its JSON text; copied
 * @param signOutHint what {@link FederationProvider#signOut} needs later to end the upstream session (OIDC: the ID
 *                    token, as {@code id_token_hint}), kept by the engine with the user's hosted session
 * @param replayKey   what makes this answer single-use, if the IdP gives it an identifier of its own (a SAML
 *                    assertion's ID): the engine refuses a second sign-in with the same key (since API 1.4)
 * @param sessionKey  the IdP's session this sign-in belongs to, if the IdP names it (SAML: the NameID and the
 *                    SessionIndex): a sign-out the IdP begins for that session ({@link UpstreamSignOut#sessionKeys()})
 *                    ends the hosted sessions it began and no other; kept by the engine as a hash (since API 1.4)
 */
public record UpstreamIdentity(String subject, Map<String, String> claims, Optional<String> signOutHint,
                               Optional<ReplayKey> replayKey, Optional<String> sessionKey) {

    public UpstreamIdentity {
        Objects.requireNonNull(subject, "subject");
        if (subject.isBlank()) {
            throw new IllegalArgumentException("an upstream identity needs a subject");
        }
        claims = Map.copyOf(claims);
        Objects.requireNonNull(signOutHint, "signOutHint");
        Objects.requireNonNull(replayKey, "replayKey");
        Objects.requireNonNull(sessionKey, "sessionKey");
    }

    /** An identity without a replay key or session (API 1.3's form). */
    public UpstreamIdentity(String subject, Map<String, String> claims, Optional<String> signOutHint) {
        this(subject, claims, signOutHint, Optional.empty(), Optional.empty());
    }

    /** Shows the subject and the claims' names, not their values (personal data) nor the hint (a token). */
    @Override
    public String toString() {
        return "UpstreamIdentity[" + subject + ", claims " + claims.keySet() + "]";
    }
}
