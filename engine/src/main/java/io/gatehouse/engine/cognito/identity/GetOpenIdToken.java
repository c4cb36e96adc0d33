package io.gatehouse.engine.cognito.identity;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.engine.identitypool.IdentityPool;
import io.gatehouse.engine.identitypool.IdentityPools;
import io.gatehouse.engine.identitypool.credentials.IdentityCredentials;
import io.gatehouse.engine.identitypool.identity.Identities;
import io.gatehouse.engine.identitypool.identity.Identity;
import io.gatehouse.engine.identitypool.identity.IdentityProofs;
import io.gatehouse.engine.identitypool.identity.Logins;
import io.gatehouse.engine.identitypool.identity.ProvenIdentity;
import io.gatehouse.engine.identitypool.openid.OpenIdTokens;
import io.gatehouse.engine.identitypool.quota.IdentityPoolQuotas;
import io.gatehouse.engine.json.Json;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;

/**
 * GetOpenIdToken (unsigned): the identity-pool issuer's OpenID token for an identity its logins prove (a guest's
 * with none), valid for ten minutes as Cognito's, for the basic flow (STS AssumeRoleWithWebIdentity) or any relying
 * party told to trust the issuer.
 */
@ApplicationScoped
public class GetOpenIdToken implements IdentityOperation {

    static final Duration VALIDITY = Duration.ofMinutes(10);

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

    @Inject
    IdentityCredentials credentials;

    @Inject
    OpenIdTokens tokens;

    @Override
    public String name() {
        return "GetOpenIdToken";
    }

    @Override
    public ObjectNode handle(ObjectNode request) {
        Identity identity = identities.get(request.get("IdentityId").asText());
        IdentityPool pool = pools.get(identity.identityPoolId());
        quotas.admit(pool.id());
        ProvenIdentity proven = proofs.prove(pool, identity, logins.verify(pool, request.path("Logins")));
        String token = tokens.mint(pool.id(), identity.id(), proven.amr(), credentials.sessionTags(proven), VALIDITY);
        return Json.MAPPER.createObjectNode().put("IdentityId", identity.id()).put("Token", token);
    }
}
