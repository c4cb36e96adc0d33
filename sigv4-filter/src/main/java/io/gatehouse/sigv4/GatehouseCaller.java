package io.gatehouse.sigv4;

import java.security.Principal;
import java.util.Map;

/**
 * Who signed a request: the identity-pool identity the credentials were issued to, and the role they carry. The
 * principal of the request's {@code SecurityContext}, and the request property {@value #PROPERTY}.
 *
 * @param identityPoolId the identity pool
 * @param identityId     the identity ({@code <region>:<uuid>}), also the principal's name
 * @param roleArn        the IAM role ARN the pool gave the identity
 * @param assumedRoleArn the assumed-role ARN, as STS GetCallerIdentity names the caller
 * @param authenticated  whether the identity proved a login (false for a guest)
 * @param principalTags  the session (principal) tags, tag key to value
 */
public record GatehouseCaller(String identityPoolId, String identityId, String roleArn, String assumedRoleArn,
                              boolean authenticated, Map<String, String> principalTags) implements Principal {

    /** The request property that holds the caller once the filter accepted the request. */
    public static final String PROPERTY = "io.gatehouse.sigv4.caller";

    public GatehouseCaller {
        principalTags = Map.copyOf(principalTags);
    }

    @Override
    public String getName() {
        return identityId;
    }

    /** The role's name: the last segment of its ARN ({@code role/path/Name}). */
    public String roleName() {
        int slash = roleArn.lastIndexOf('/');
        return slash < 0 ? roleArn : roleArn.substring(slash + 1);
    }
}
