package io.gatehouse.sigv4;

import jakarta.ws.rs.core.SecurityContext;

/**
 * The security context of a request the filter accepted: the caller is the identity, and its roles are the IAM
 * role ARN and the role's name: {@code isUserInRole("arn:aws:iam::...:role/app-users")} and
 * {@code isUserInRole("app-users")} are both true.
 */
final class GatehouseSecurityContext implements SecurityContext {

    /** The authentication scheme, SigV4's algorithm name. */
    static final String SCHEME = "AWS4-HMAC-SHA256";

    private final GatehouseCaller caller;
    private final boolean secure;

    GatehouseSecurityContext(GatehouseCaller caller, boolean secure) {
        this.caller = caller;
        this.secure = secure;
    }

    @Override
    public GatehouseCaller getUserPrincipal() {
        return caller;
    }

    @Override
    public boolean isUserInRole(String role) {
        return caller.roleArn().equals(role) || caller.roleName().equals(role);
    }

    @Override
    public boolean isSecure() {
        return secure;
    }

    @Override
    public String getAuthenticationScheme() {
        return SCHEME;
    }
}
