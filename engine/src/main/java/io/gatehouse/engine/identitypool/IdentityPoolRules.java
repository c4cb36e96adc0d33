package io.gatehouse.engine.identitypool;

import io.gatehouse.engine.error.ServiceException;

import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The checks of SetIdentityPoolRoles beyond the service model, as Cognito makes them: every role is an IAM role ARN,
 * every mapping names a provider the pool accepts, a {@code Rules} mapping has between 1 and 25 rules, and a mapping
 * says what an ambiguous or unmatched sign-in gets.
 */
final class IdentityPoolRules {

    /** Cognito's limit on the rules of one mapping (the model allows 400). */
    static final int MAX_RULES = 25;

    /**
     * An IAM role's ARN, in any partition: AWS's ({@code arn:aws:iam::123456789012:role/app}), and those of the
     * S3-compatible stores whose STS takes Cognito's tokens ({@code arn:minio:iam:::role/app}).
     */
    private static final Pattern ROLE_ARN = Pattern.compile("arn:[\\w-]+:iam:[\\w-]*:\\d*:role/[\\w+=,.@/-]+");

    private IdentityPoolRules() {
    }

    /**
     * Checks roles and mappings for a pool.
     *
     * @param providers the names a mapping may be keyed by ({@link IdentityPool#roleMappingProviders()})
     * @throws ServiceException {@code InvalidParameterException} for anything Cognito would refuse
     */
    static void check(IdentityPoolRoles roles, Set<String> providers) {
        roles.roles().forEach((type, arn) -> checkRoleArn(arn, "Roles." + type));
        for (Map.Entry<String, IdentityPoolRoles.RoleMapping> entry : roles.roleMappings().entrySet()) {
            String provider = entry.getKey();
            IdentityPoolRoles.RoleMapping mapping = entry.getValue();
            if (!providers.contains(provider)) {
                throw ServiceException.invalidParameter("The role mapping for " + provider + " names a provider "
                        + "the identity pool is not configured for.");
            }
            if (mapping.ambiguousRoleResolution().isEmpty()) {
                throw ServiceException.invalidParameter("The role mapping for " + provider + " needs an "
                        + "AmbiguousRoleResolution.");
            }
            if ("Token".equals(mapping.type()) && !mapping.rules().isEmpty()) {
                throw ServiceException.invalidParameter("The role mapping for " + provider + " is of type Token "
                        + "and cannot have a RulesConfiguration.");
            }
            if ("Rules".equals(mapping.type())) {
                if (mapping.rules().isEmpty()) {
                    throw ServiceException.invalidParameter("The role mapping for " + provider + " is of type "
                            + "Rules and needs a RulesConfiguration with at least one rule.");
                }
                if (mapping.rules().size() > MAX_RULES) {
                    throw ServiceException.invalidParameter("The role mapping for " + provider + " has "
                            + mapping.rules().size() + " rules; at most " + MAX_RULES + " are allowed.");
                }
                mapping.rules().forEach(r -> checkRoleArn(r.roleArn(), "RoleMappings." + provider + ".RoleARN"));
            }
        }
    }

    private static void checkRoleArn(String arn, String where) {
        if (!ROLE_ARN.matcher(arn).matches()) {
            throw ServiceException.invalidParameter("Invalid role ARN at " + where + ": " + arn);
        }
    }
}
