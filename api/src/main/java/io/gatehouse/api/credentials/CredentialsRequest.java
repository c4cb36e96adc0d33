package io.gatehouse.api.credentials;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the engine decided for one GetCredentialsForIdentity call.
 *
 * @param identityPoolId the identity pool, {@code <region>:<uuid>}
 * @param identityId     the identity, {@code <region>:<uuid>}
 * @param roleArn        the role the identity gets (the pool's roles and role mappings decided it)
 * @param authenticated  whether the identity proved a login (false for a guest)
 * @param amr            the OpenID token's {@code amr}: {@code authenticated} or {@code unauthenticated}, then the
 *                       login providers, as Cognito sets it
 * @param openIdToken    the identity pool issuer's OpenID token for this identity (audience the pool, subject the
 *                       identity), for brokers that prove the identity to a third party
 *                       ({@link CredentialsBroker#needsOpenIdToken()}); never logged. Empty for the others
 * @param sessionTags    the session tags from the pool's principal tag map (tag key to value)
 * @param duration       how long the credentials may last at most
 */
public record CredentialsRequest(String identityPoolId, String identityId, String roleArn, boolean authenticated,
                                 List<String> amr, Optional<String> openIdToken, Map<String, String> sessionTags,
                                 Duration duration) {

    public CredentialsRequest {
        Objects.requireNonNull(identityPoolId, "identityPoolId");
        Objects.requireNonNull(identityId, "identityId");
        Objects.requireNonNull(roleArn, "roleArn");
        Objects.requireNonNull(openIdToken, "openIdToken");
        Objects.requireNonNull(duration, "duration");
        amr = List.copyOf(amr);
        sessionTags = Map.copyOf(sessionTags);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("duration must be positive");
        }
    }

    /** Without the token, which must not reach a log. */
    @Override
    public String toString() {
        return "CredentialsRequest[identityPoolId=" + identityPoolId + ", identityId=" + identityId + ", roleArn="
                + roleArn + ", authenticated=" + authenticated + ", amr=" + amr + ", sessionTags="
                + sessionTags.keySet() + ", duration=" + duration + "]";
    }
}
