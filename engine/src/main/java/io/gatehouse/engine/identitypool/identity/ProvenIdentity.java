package io.gatehouse.engine.identitypool.identity;

import io.gatehouse.engine.identitypool.IdentityPool;

import java.util.List;

/**
 * An identity together with what proved it, once {@link IdentityProofs} has checked that: the logins it showed
 * (none for a guest) and the {@code amr} an OpenID token for it carries, as Cognito's: {@code unauthenticated}; or
 * {@code authenticated} then, for each login, its provider and a reference to the user there
 * ({@code <provider>:CognitoSignIn:<sub>} for a user pool).
 */
public record ProvenIdentity(IdentityPool pool, Identity identity, List<Login> logins, List<String> amr) {

    public ProvenIdentity {
        logins = List.copyOf(logins);
        amr = List.copyOf(amr);
    }

    /** Whether a login proved it, rather than its being a guest's. */
    public boolean authenticated() {
        return !logins.isEmpty();
    }
}
