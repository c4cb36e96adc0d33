package io.gatehouse.engine.cognito.identity;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.engine.error.ServiceException;
import io.gatehouse.engine.identitypool.IdentityPool;
import io.gatehouse.engine.identitypool.IdentityPools;
import io.gatehouse.engine.identitypool.identity.Identities;
import io.gatehouse.engine.identitypool.identity.Identity;
import io.gatehouse.engine.identitypool.identity.IdentityProofs;
import io.gatehouse.engine.identitypool.identity.Login;
import io.gatehouse.engine.identitypool.identity.Logins;
import io.gatehouse.engine.identitypool.openid.OpenIdTokens;
import io.gatehouse.engine.identitypool.quota.IdentityPoolQuotas;
import io.gatehouse.engine.json.Json;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;

import java.util.List;
import java.util.Optional;

/**
 * GetId (unsigned): the identity of the caller's logins, created at their first call, or a new guest identity
 * where the pool takes guests and no login is given; with this server's own OpenID token among the logins (a
 * developer identity's), the identity it names.
 */
@ApplicationScoped
public class GetId implements IdentityOperation {

    @Inject
    IdentityPools pools;

    @Inject
    Identities identities;

    @Inject
    Logins logins;

    @Inject
    IdentityPoolQuotas quotas;

    @Inject
    IdentityProofs proofs;

    @Override
    public String name() {
        return "GetId";
    }

    @Override
    public ObjectNode handle(ObjectNode request) {
        IdentityPool pool = pools.get(request.get("IdentityPoolId").asText());
        quotas.admit(pool.id());
        List<Login> verified = logins.verify(pool, request.path("Logins"));
        Optional<Login> ownToken = verified.stream()
                .filter(l -> OpenIdTokens.LOGIN_PROVIDER.equals(l.provider())).findFirst();
        if (ownToken.isPresent()) {
            // A developer identity's OpenID token names its identity; the other logins, if any, are linked to it.
            Identity identity = named(ownToken.get().subject(), pool);
            return Json.MAPPER.createObjectNode().put("IdentityId", proofs.prove(pool, identity, verified)
                    .identity().id());
        }
        String identityId;
        if (verified.isEmpty()) {
            if (!pool.allowUnauthenticated()) {
                throw new ServiceException("NotAuthorizedException",
                        "Unauthenticated access is not supported for this identity pool.");
            }
            identityId = identities.newGuest(pool.id());
        } else {
            try {
                identityId = identities.identityOf(pool.id(), verified);
            } catch (PersistenceException e) {
                // The same first sign-in in two calls at once: the other call linked the login first, and this
                // one finds it.
                identityId = identities.identityOf(pool.id(), verified);
            }
        }
        return Json.MAPPER.createObjectNode().put("IdentityId", identityId);
    }

    /** The identity of the pool an OpenID token names; one that is gone, or of another pool, makes the login bad. */
    private Identity named(String identityId, IdentityPool pool) {
        try {
            Identity identity = identities.get(identityId);
            if (identity.identityPoolId().equals(pool.id())) {
                return identity;
            }
        } catch (ServiceException e) {
            // Gone: refused below, as a token of another pool's identity is.
        }
        throw new ServiceException("NotAuthorizedException", "Invalid login token. The token's identity does not"
                + " exist in this identity pool.");
    }
}
