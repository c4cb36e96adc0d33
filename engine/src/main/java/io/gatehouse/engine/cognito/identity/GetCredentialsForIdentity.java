package io.gatehouse.engine.cognito.identity;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.api.credentials.IssuedCredentials;
import io.gatehouse.engine.identitypool.IdentityPool;
import io.gatehouse.engine.identitypool.IdentityPools;
import io.gatehouse.engine.identitypool.credentials.IdentityCredentials;
import io.gatehouse.engine.identitypool.identity.Identities;
import io.gatehouse.engine.identitypool.identity.Identity;
import io.gatehouse.engine.identitypool.identity.IdentityProofs;
import io.gatehouse.engine.identitypool.identity.Logins;
import io.gatehouse.engine.identitypool.identity.ProvenIdentity;
import io.gatehouse.engine.identitypool.quota.IdentityPoolQuotas;
import io.gatehouse.engine.json.Json;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Optional;

/** GetCredentialsForIdentity (unsigned): temporary credentials for an identity and the logins it proves. */
@ApplicationScoped
public class GetCredentialsForIdentity implements IdentityOperation {

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

    @Override
    public String name() {
        return "GetCredentialsForIdentity";
    }

    @Override
    public ObjectNode handle(ObjectNode request) {
        Identity identity = identities.get(request.get("IdentityId").asText());
        IdentityPool pool = pools.get(identity.identityPoolId());
        quotas.admit(pool.id());
        ProvenIdentity proven = proofs.prove(pool, identity, logins.verify(pool, request.path("Logins")));
        IssuedCredentials issued = credentials.issue(proven,
                Optional.ofNullable(request.path("CustomRoleArn").textValue()));
        ObjectNode response = Json.MAPPER.createObjectNode().put("IdentityId", identity.id());
        response.putObject("Credentials").put("AccessKeyId", issued.accessKeyId())
                .put("SecretKey", issued.secretAccessKey()).put("SessionToken", issued.sessionToken())
                .put("Expiration", Json.epochSeconds(issued.expiration()));
        return response;
    }
}
