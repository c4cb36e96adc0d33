package io.gatehouse.engine.identitypool.credentials;

import io.gatehouse.api.credentials.CredentialsBroker;
import io.gatehouse.api.credentials.CredentialsException;
import io.gatehouse.api.credentials.CredentialsRequest;
import io.gatehouse.api.credentials.IssuedCredentials;
import io.gatehouse.engine.error.ServiceException;
import io.gatehouse.engine.identitypool.IdentityPool;
import io.gatehouse.engine.identitypool.IdentityPoolRoles;
import io.gatehouse.engine.identitypool.IdentityPools;
import io.gatehouse.engine.identitypool.PrincipalTags;
import io.gatehouse.engine.identitypool.identity.Identities;
import io.gatehouse.engine.identitypool.identity.Identity;
import io.gatehouse.engine.identitypool.identity.Login;
import io.gatehouse.engine.identitypool.roles.RoleDeniedException;
import io.gatehouse.engine.identitypool.roles.RoleRequest;
import io.gatehouse.engine.identitypool.roles.RoleResolver;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * GetCredentialsForIdentity once its logins are verified: the identity's role (the unauthenticated role for a
 * guest; for a login, the pool's role mapping for its provider, else the authenticated role), its session tags
 * (the pool's principal tag map for the login's provider, claim by claim), and the credentials from the broker.
 * Credentials last an hour, as Cognito's.
 */
@ApplicationScoped
public class IdentityCredentials {

    /** How long credentials last. */
    static final Duration VALIDITY = Duration.ofHours(1);

    private static final Logger LOG = Logger.getLogger(IdentityCredentials.class.getName());

    @Inject
    IdentityPools pools;

    @Inject
    Identities identities;

    @Inject
    CredentialsBrokers brokers;

    /**
     * Credentials for {@code identity}, which has proven {@code logins} (none for a guest).
     *
     * @throws ServiceException {@code NotAuthorizedException} (a disabled identity, logins that do not match it,
     *                          guests where the pool takes none, a role the mapping denies), {@code
     *                          InvalidIdentityPoolConfigurationException} (no role to give, a role the broker's
     *                          service refuses), {@code ExternalServiceException} (the broker's service is down)
     */
    public IssuedCredentials issue(IdentityPool pool, Identity identity, List<Login> logins,
                                   Optional<String> customRoleArn) {
        if (identity.disabled()) {
            throw new ServiceException("NotAuthorizedException", "Access to Identity '" + identity.id()
                    + "' is forbidden.");
        }
        IdentityPoolRoles roles = pools.roles(pool.id());
        String role;
        Map<String, String> tags = Map.of();
        List<String> amr = new ArrayList<>();
        if (logins.isEmpty()) {
            if (!identity.guest()) {
                throw new ServiceException("NotAuthorizedException", "Logins don't match. Please include at least"
                        + " one valid login for this identity or identity pool.");
            }
            if (!pool.allowUnauthenticated()) {
                throw new ServiceException("NotAuthorizedException",
                        "Unauthenticated access is not supported for this identity pool.");
            }
            role = Optional.ofNullable(roles.roles().get("unauthenticated")).orElseThrow(IdentityCredentials::noRole);
            amr.add("unauthenticated");
        } else {
            identities.requireLinked(identity, logins);
            Login login = logins.stream().filter(l -> roles.roleMappings().containsKey(l.roleKey())).findFirst()
                    .orElse(logins.get(0));
            try {
                role = RoleResolver.resolve(Optional.ofNullable(roles.roleMappings().get(login.roleKey())),
                        new RoleRequest(login.roleKey(), login.claims(), customRoleArn,
                                Optional.ofNullable(roles.roles().get("authenticated"))))
                        .orElseThrow(IdentityCredentials::noRole);
            } catch (RoleDeniedException e) {
                throw new ServiceException("NotAuthorizedException", e.getMessage());
            }
            tags = sessionTags(pools.principalTags(pool.id(), login.provider()), login.claims());
            amr.add("authenticated");
            logins.forEach(l -> amr.add(l.provider()));
        }
        CredentialsRequest request = new CredentialsRequest(pool.id(), identity.id(), role, !logins.isEmpty(), amr,
                Optional.empty(), tags, VALIDITY);
        try (CredentialsBroker broker = brokers.open(pool.id()).orElseThrow(() -> new ServiceException(
                "InvalidIdentityPoolConfigurationException", "The credentials broker " + brokers.id()
                + " is not installed on this server."))) {
            return broker.issue(request);
        } catch (CredentialsException e) {
            if (e.reason() == CredentialsException.Reason.ROLE_REFUSED) {
                throw new ServiceException("InvalidIdentityPoolConfigurationException", e.getMessage());
            }
            LOG.log(Level.WARNING, "The credentials broker " + brokers.id() + " could not issue credentials", e);
            throw new ServiceException("ExternalServiceException", "The credentials broker could not be reached.");
        }
    }

    /** The session tags a principal tag map makes of a login's claims; a missing claim makes no tag. */
    static Map<String, String> sessionTags(PrincipalTags map, Map<String, Object> claims) {
        Map<String, String> tags = new LinkedHashMap<>();
        map.tags().forEach((tag, claim) -> {
            Object value = claims.get(claim);
            if (value instanceof List<?> list && !list.isEmpty()) {
                tags.put(tag, String.valueOf(list.get(0)));
            } else if (value != null && !(value instanceof List<?>)) {
                tags.put(tag, String.valueOf(value));
            }
        });
        return tags;
    }

    private static ServiceException noRole() {
        return new ServiceException("InvalidIdentityPoolConfigurationException",
                "Invalid identity pool configuration. Check assigned IAM roles for this pool.");
    }
}
