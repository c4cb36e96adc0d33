package io.gatehouse.engine.identitypool.roles;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The roles a SAML login's assertion allows, as Cognito reads them: its {@value #ROLE} attribute holds
 * {@code <role ARN>,<provider ARN>} pairs (either order, as AWS takes them), and only the pairs naming the provider
 * the login came under count. The caller's {@code CustomRoleArn} must be one of them; one role alone is taken as is;
 * of several, without a {@code CustomRoleArn}, none can be chosen.
 *
 * <p>Without a role mapping for the provider (Cognito needs none for SAML) the assertion's roles decide, and an
 * assertion naming none gets the pool's authenticated role ({@link #unmapped}); with a {@code Token} mapping the
 * assertion is the login's token ({@link #choose}), and what it cannot tell goes to the mapping's
 * {@code AmbiguousRoleResolution}. A {@code Rules} mapping compares the assertion's attributes like any claims.
 */
final class SamlRoles implements RoleMapper {

    /** The attribute AWS reads a SAML user's roles from. */
    static final String ROLE = "https://aws.amazon.com/SAML/Attributes/Role";

    /**
     * An IAM SAML provider's ARN, whole. An OpenID Connect provider's name is its URL's host, port and path, which may
     * hold {@code :saml-provider/} (a colon is legal in a path) but never this form: only a login under a SAML
     * provider's ARN may take its role from a Role attribute.
     */
    private static final Pattern SAML_PROVIDER_ARN =
            Pattern.compile("arn:aws[a-z-]*:iam::\\d{12}:saml-provider/[\\w.+=,@-]{1,128}");

    /** Whether the login is a SAML provider's: its provider name is an IAM SAML provider's ARN. */
    static boolean isSamlLogin(RoleRequest request) {
        return SAML_PROVIDER_ARN.matcher(request.provider()).matches();
    }

    @Override
    public Optional<String> choose(RoleRequest request) {
        List<String> roles = roles(request);
        if (request.customRoleArn().isPresent()) {
            return Optional.of(asked(request, roles));
        }
        return roles.size() == 1 ? Optional.of(roles.get(0)) : Optional.empty();
    }

    /**
     * The role of a SAML login whose provider the pool has no role mapping for.
     *
     * @throws RoleDeniedException when the caller asks for a role the assertion does not name, or the assertion names
     *                             several and the caller chose none
     */
    static Optional<String> unmapped(RoleRequest request) {
        List<String> roles = roles(request);
        if (roles.isEmpty()) {
            return request.authenticatedRole();
        }
        if (request.customRoleArn().isPresent()) {
            return Optional.of(asked(request, roles));
        }
        if (roles.size() > 1) {
            throw new RoleDeniedException("The SAML assertion of " + request.provider() + " allows " + roles.size()
                    + " roles: choose one with CustomRoleArn.");
        }
        return Optional.of(roles.get(0));
    }

    private static String asked(RoleRequest request, List<String> roles) {
        String asked = request.customRoleArn().get();
        if (!roles.contains(asked)) {
            throw new RoleDeniedException("The role " + asked + " is not among the roles the SAML assertion of "
                    + request.provider() + " allows.");
        }
        return asked;
    }

    /** The role ARNs of the pairs that name the login's provider, in the assertion's order, each once. */
    static List<String> roles(RoleRequest request) {
        List<String> roles = new ArrayList<>();
        for (String pair : ClaimValues.of(request.claims().get(ROLE))) {
            String[] parts = pair.split(",");
            if (parts.length != 2) {
                continue;
            }
            String first = parts[0].trim();
            String second = parts[1].trim();
            String role = isRole(first) && second.equals(request.provider()) ? first
                    : isRole(second) && first.equals(request.provider()) ? second : null;
            if (role != null && !roles.contains(role)) {
                roles.add(role);
            }
        }
        return roles;
    }

    private static boolean isRole(String arn) {
        return arn.startsWith("arn:") && arn.contains(":role/");
    }
}
