package io.gatehouse.engine.cognito.identity;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.engine.identitypool.IdentityPool;
import io.gatehouse.engine.identitypool.IdentityPools;
import io.gatehouse.engine.identitypool.identity.Identities;
import io.gatehouse.engine.identitypool.identity.Identity;
import io.gatehouse.engine.identitypool.identity.IdentityProofs;
import io.gatehouse.engine.identitypool.identity.Login;
import io.gatehouse.engine.identitypool.identity.Logins;
import io.gatehouse.engine.identitypool.identity.ProvenIdentity;
import io.gatehouse.engine.identitypool.quota.IdentityPoolQuotas;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;

/**
 * What the unsigned identity-pool calls (GetId, GetCredentialsForIdentity, GetOpenIdToken) do first: the call is
 * admitted under its pool's rate limits before any token is looked at, then its {@code Logins} are verified in full.
 */
@ApplicationScoped
class UnsignedCalls {

    @Inject
    IdentityPools pools;

    @Inject
    Identities identities;

    @Inject
    Logins logins;

    @Inject
    IdentityProofs proofs;

    @Inject
    IdentityPoolQuotas quotas;

    /** The pool, once the call is admitted under its limits. */
    IdentityPool admitted(String identityPoolId) {
        IdentityPool pool = pools.get(identityPoolId);
        quotas.admit(pool.id());
        return pool;
    }

    /** The request's verified {@code Logins} (none when it has none). */
    List<Login> logins(IdentityPool pool, ObjectNode request) {
        return logins.verify(pool, request.path("Logins"));
    }

    /** The request's {@code IdentityId} as its {@code Logins} prove it, the call admitted under its pool's limits. */
    ProvenIdentity proven(ObjectNode request) {
        Identity identity = identities.get(request.get("IdentityId").asText());
        IdentityPool pool = admitted(identity.identityPoolId());
        return proofs.prove(pool, identity, logins(pool, request));
    }
}
