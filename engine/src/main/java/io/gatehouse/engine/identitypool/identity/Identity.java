package io.gatehouse.engine.identitypool.identity;

import java.time.Instant;
import java.util.List;

/**
 * An identity of an identity pool (DescribeIdentity's IdentityDescription).
 *
 * @param id             {@code <region>:<uuid>}
 * @param identityPoolId its pool
 * @param logins         the providers of the logins linked to it; none for a guest
 * @param created        when it was created
 * @param modified       when a login was last linked to it or unlinked from it
 * @param disabled       whether its last login was unlinked (UnlinkIdentity, UnlinkDeveloperIdentity): as in
 *                       Cognito, such an identity does not fall back to a guest's, and no call may use it again
 */
public record Identity(String id, String identityPoolId, List<String> logins, Instant created, Instant modified,
                       boolean disabled) {

    public Identity {
        logins = List.copyOf(logins);
    }

    /** An identity that was never disabled. */
    public Identity(String id, String identityPoolId, List<String> logins, Instant created, Instant modified) {
        this(id, identityPoolId, logins, created, modified, false);
    }

    /** Whether it is a guest's: no login was ever linked to it. */
    public boolean guest() {
        return logins.isEmpty() && !disabled;
    }
}
