package io.gatehouse.engine.identitypool.identity;

import io.gatehouse.engine.error.ServiceException;
import io.gatehouse.engine.identitypool.IdentityPool;
import io.gatehouse.engine.identitypool.openid.OpenIdTokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.List;

/**
 * Whether verified logins prove an identity, as GetCredentialsForIdentity and GetOpenIdToken ask: no logins prove a
 * guest's identity where the pool takes guests; a login of a provider proves the identity it is linked to (a
 * guest's identity becomes authenticated by its first login); this server's own OpenID token proves the identity it
 * names.
 */
@ApplicationScoped
public class IdentityProofs {

    private static final String NO_MATCH = "Logins don't match. Please include at least one valid login for this"
            + " identity or identity pool.";

    @Inject
    Identities identities;

    /**
     * {@code identity} as {@code logins} prove it.
     *
     * @throws ServiceException {@code NotAuthorizedException} when they do not prove it, or it is a guest's where
     *                          the pool takes none
     */
    public ProvenIdentity prove(IdentityPool pool, Identity identity, List<Login> logins) {
        if (logins.isEmpty()) {
            if (!identity.guest()) {
                throw new ServiceException("NotAuthorizedException", NO_MATCH);
            }
            if (!pool.allowUnauthenticated()) {
                throw new ServiceException("NotAuthorizedException",
                        "Unauthenticated access is not supported for this identity pool.");
            }
            return new ProvenIdentity(pool, identity, logins, List.of("unauthenticated"));
        }
        List<Login> linkable = new ArrayList<>();
        List<String> amr = new ArrayList<>(List.of("authenticated"));
        for (Login login : logins) {
            if (OpenIdTokens.LOGIN_PROVIDER.equals(login.provider())) {
                if (!login.subject().equals(identity.id())) {
                    throw new ServiceException("NotAuthorizedException", NO_MATCH);
                }
                if (login.claims().get(IdentityTokenLogins.AMR) instanceof List<?> tokenAmr) {
                    tokenAmr.stream().map(String::valueOf).filter(a -> !amr.contains(a)).forEach(amr::add);
                }
            } else {
                linkable.add(login);
                amr.add(login.provider());
                amr.add(login.amrReference());
            }
        }
        if (!linkable.isEmpty()) {
            identities.requireLinked(identity, linkable);
        }
        return new ProvenIdentity(pool, identity, logins, amr);
    }
}
