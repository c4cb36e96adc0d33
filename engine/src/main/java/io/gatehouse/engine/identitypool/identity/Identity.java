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
 * @param modified       when a login was last linked to it
 */
public record Identity(String id, String identityPoolId, List<String> logins, Instant created, Instant modified) {

    public Identity {
        logins = List.copyOf(logins);
    }

    /** Whether it is a guest's: no login was ever linked to it. */
    public boolean guest() {
        return logins.isEmpty();
    }
}
