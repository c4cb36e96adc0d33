package io.gatehouse.engine.identitypool.identity;

import io.gatehouse.api.federation.FederationException;
import io.gatehouse.api.federation.FederationProvider;
import io.gatehouse.api.federation.IdentityPoolLogin;
import io.gatehouse.api.federation.UpstreamIdentity;
import io.gatehouse.engine.error.ServiceException;
import io.gatehouse.engine.federation.FederationTypes;
import io.gatehouse.engine.identitypool.IdentityPool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.LinkedHashMap;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Logins of the public social IdPs a pool names in {@code SupportedLoginProviders} ({@code accounts.google.com},
 * {@code graph.facebook.com}, {@code appleid.apple.com}, {@code www.amazon.com}): the federation type that claims the
 * name checks the token for the pool's application id there (a Google client id, a Facebook app id, an Apple
 * services id, an Amazon app id) and says whose it is. The login is keyed by the provider's name, for links and role
 * mappings alike, and its claims are the IdP's, as text. A token that does not verify is
 * {@code NotAuthorizedException}, an IdP that cannot be asked {@code ExternalServiceException}; the provider's reason
 * goes to the log (it never holds the token), not to the caller.
 */
@ApplicationScoped
class SocialLogins {

    private static final Logger LOG = Logger.getLogger(SocialLogins.class.getName());

    @Inject
    FederationTypes types;

    /** Verifies {@code token}, a login of {@code provider}, which the pool lists in its SupportedLoginProviders. */
    Login verify(IdentityPool pool, String provider, String token) {
        String appId = pool.supportedLoginProviders().get(provider);
        Optional<FederationProvider> type = types.identityPoolLogins(provider);
        if (type.isEmpty()) {
            throw new ServiceException("NotAuthorizedException", Logins.INVALID + "No identity provider type on "
                    + "this server checks logins of " + provider + ".");
        }
        if (token.isEmpty()) {
            throw new ServiceException("NotAuthorizedException", Logins.INVALID + "The token of " + provider
                    + " is empty.");
        }
        UpstreamIdentity identity;
        try (FederationProvider checker = type.get()) {
            identity = checker.verifyIdentityPoolLogin(IdentityPoolLogin.token(token, appId));
        } catch (FederationException e) {
            if (e.reason() == FederationException.Reason.UNAVAILABLE) {
                LOG.log(Level.WARNING, "The identity provider " + provider + " could not check a login: "
                        + e.getMessage());
                throw new ServiceException("ExternalServiceException", "The identity provider " + provider
                        + " could not be reached to check the login.");
            }
            LOG.log(Level.FINE, "A login of " + provider + " was refused: " + e.getMessage());
            throw new ServiceException("NotAuthorizedException", Logins.INVALID + "The token of " + provider
                    + " does not verify.");
        }
        return new Login(provider, identity.subject(), provider, new LinkedHashMap<>(identity.claims()));
    }
}
