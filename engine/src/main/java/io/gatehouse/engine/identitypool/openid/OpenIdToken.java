package io.gatehouse.engine.identitypool.openid;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A verified OpenID token of the identity-pool issuer: who it stands for, and how they proved it.
 *
 * @param identityPoolId the audience, the identity pool
 * @param identityId     the subject, the identity
 * @param amr            {@code authenticated} and the login providers, or {@code unauthenticated} for a guest
 * @param principalTags  the session tags it carries (the pool's principal tag map, or the developer's)
 * @param expiresAt      when it expires
 */
public record OpenIdToken(String identityPoolId, String identityId, List<String> amr,
                          Map<String, String> principalTags, Instant expiresAt) {

    public OpenIdToken {
        amr = List.copyOf(amr);
        principalTags = Map.copyOf(principalTags);
    }

    /** Whether it stands for a login rather than a guest. */
    public boolean authenticated() {
        return amr.contains("authenticated");
    }
}
