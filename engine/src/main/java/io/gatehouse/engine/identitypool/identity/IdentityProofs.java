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

    @Inject
    Identities identities;

    /**
     * {@code identity} as {@code logins} prove it.
     *
     * @throws ServiceException {@code NotAuthorizedException} when they do not prove it, it is a guest's where
     *                          the pool takes none, or it is disabled (its last login was unlinked)
     */
    public ProvenIdentity prove(IdentityPool pool, Identity identity, List<Login> logins) {
        if (identity.disabled()) {
            throw IdentityRows.forbidden(identity.id());
        }
        if (logins.isEmpty()) {
            if (!identity.guest()) {
                throw IdentityRows.loginsDoNotMatch();
            }
            if (!pool.allowUnauthenticated()) {
                throw new ServiceException("NotAuthorizedException",
                        "Unauthenticated access is not supported for this identity pool.");
            }
            return new ProvenIdentity(pool, identity, logins, List.of("unauthenticated"));
        }
        identities.requireLinked(identity, logins);
        List<String> amr = new ArrayList<>(List.of("authenticated"));
        for (Login login : logins) {
            if (OpenIdTokens.LOGIN_PROVIDER.equals(login.provider())) {
                if (login.claims().get(IdentityTokenLogins.AMR) instanceof List<?> tokenAmr) {
                    tokenAmr.stream().map(String::valueOf).filter(a -> !amr.contains(a)).forEach(amr::add);
                }
            } else {
                amr.add(login.provider());
                amr.add(login.amrReference());
            }
        }
        return new ProvenIdentity(pool, identity, logins, amr);
    }
}
