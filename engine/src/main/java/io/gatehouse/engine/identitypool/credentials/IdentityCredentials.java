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
import io.gatehouse.engine.identitypool.RoleSettings;
import io.gatehouse.engine.identitypool.identity.IdentityTokenLogins;
import io.gatehouse.engine.identitypool.identity.Login;
import io.gatehouse.engine.identitypool.identity.ProvenIdentity;
import io.gatehouse.engine.identitypool.openid.OpenIdTokens;
import io.gatehouse.engine.identitypool.roles.RoleDeniedException;
import io.gatehouse.engine.identitypool.roles.RoleRequest;
import io.gatehouse.engine.identitypool.roles.RoleResolver;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * GetCredentialsForIdentity once its identity is proven: the identity's role (the unauthenticated role for a guest;
 * for a login, the pool's role mapping for its provider, else the authenticated role), its session tags (the pool's
 * principal tag map for the login's provider, claim by claim; a developer identity's, from its OpenID token), and
 * the credentials from the broker, with an OpenID token for brokers that show one to their STS. Credentials last an
 * hour, as Cognito's.
 */
@ApplicationScoped
public class IdentityCredentials {

    /** How long credentials last. */
    static final Duration VALIDITY = Duration.ofHours(1);
    /** How long the OpenID token a broker shows its STS lasts: it is used at once. */
    private static final Duration TOKEN_FOR_BROKER = Duration.ofMinutes(10);

    private static final Logger LOG = Logger.getLogger(IdentityCredentials.class.getName());

    @Inject
    IdentityPools pools;

    @Inject
    OpenIdTokens openIdTokens;

    @Inject
    CredentialsBrokers brokers;

    /**
     * Credentials for an identity its logins have proven (none for a guest's).
     *
     * @throws ServiceException {@code NotAuthorizedException} (a role the mapping denies), {@code
     *                          InvalidIdentityPoolConfigurationException} (no role to give, a role the broker's
     *                          service refuses), {@code ExternalServiceException} (the broker's service is down)
     */
    public IssuedCredentials issue(ProvenIdentity proven, Optional<String> customRoleArn) {
        IdentityPool pool = proven.pool();
        RoleSettings settings = pools.roleSettings(pool.id());
        IdentityPoolRoles roles = settings.roles();
        String role;
        Map<String, String> tags = Map.of();
        if (!proven.authenticated()) {
            role = Optional.ofNullable(roles.roles().get("unauthenticated")).orElseThrow(IdentityCredentials::noRole);
        } else {
            Login login = deciding(proven.logins(), roles);
            try {
                role = RoleResolver.resolve(Optional.ofNullable(roles.roleMappings().get(login.roleKey())),
                        new RoleRequest(login.roleKey(), login.claims(), customRoleArn,
                                Optional.ofNullable(roles.roles().get("authenticated"))))
                        .orElseThrow(IdentityCredentials::noRole);
            } catch (RoleDeniedException e) {
                throw new ServiceException("NotAuthorizedException", e.getMessage());
            }
            tags = sessionTags(settings, login);
        }
        try (CredentialsBroker broker = brokers.open(pool.id()).orElseThrow(() -> new ServiceException(
                "InvalidIdentityPoolConfigurationException", "The credentials broker " + brokers.id()
                + " is not installed on this server."))) {
            Optional<String> openIdToken = broker.needsOpenIdToken()
                    ? Optional.of(openIdTokens.mint(pool.id(), proven.identity().id(), proven.amr(), tags,
                    TOKEN_FOR_BROKER))
                    : Optional.empty();
            return broker.issue(new CredentialsRequest(pool.id(), proven.identity().id(), role,
                    proven.authenticated(), proven.amr(), openIdToken, tags, VALIDITY));
        } catch (CredentialsException e) {
            if (e.reason() == CredentialsException.Reason.ROLE_REFUSED) {
                throw new ServiceException("InvalidIdentityPoolConfigurationException", e.getMessage());
            }
            LOG.log(Level.WARNING, "The credentials broker " + brokers.id() + " could not issue credentials", e);
            throw new ServiceException("ExternalServiceException", "The credentials broker could not be reached.");
        }
    }

    /**
     * The session tags of a proven identity (none for a guest's), as its credentials carry them: those of the login
     * that decides its role.
     */
    public Map<String, String> sessionTags(ProvenIdentity proven) {
        if (!proven.authenticated()) {
            return Map.of();
        }
        RoleSettings settings = pools.roleSettings(proven.pool().id());
        return sessionTags(settings, deciding(proven.logins(), settings.roles()));
    }

    /** The login whose provider decides the role: the first with a role mapping, else the first. */
    private static Login deciding(List<Login> logins, IdentityPoolRoles roles) {
        return logins.stream().filter(l -> roles.roleMappings().containsKey(l.roleKey())).findFirst()
                .orElse(logins.get(0));
    }

    private static Map<String, String> sessionTags(RoleSettings settings, Login login) {
        return OpenIdTokens.LOGIN_PROVIDER.equals(login.provider()) ? developerTags(login)
                : sessionTags(settings.principalTags(login.provider()), login.claims());
    }

    /** A developer identity's session tags: those its OpenID token carries. */
    private static Map<String, String> developerTags(Login login) {
        Map<String, String> tags = new LinkedHashMap<>();
        if (login.claims().get(IdentityTokenLogins.PRINCIPAL_TAGS) instanceof Map<?, ?> carried) {
            carried.forEach((key, value) -> tags.put(String.valueOf(key), String.valueOf(value)));
        }
        return tags;
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
