package io.gatehouse.engine.cognito.identity;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.engine.identitypool.IdentityPools;
import io.gatehouse.engine.identitypool.identity.DeveloperIdentities;
import io.gatehouse.engine.json.Json;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** UnlinkDeveloperIdentity: a developer user is no longer linked to the identity. */
@ApplicationScoped
public class UnlinkDeveloperIdentity implements IdentityOperation {

    @Inject
    IdentityPools pools;

    @Inject
    DeveloperIdentities developers;

    @Override
    public String name() {
        return "UnlinkDeveloperIdentity";
    }

    @Override
    public ObjectNode handle(ObjectNode request) {
        developers.unlink(pools.get(request.get("IdentityPoolId").asText()), request.get("IdentityId").asText(),
                request.get("DeveloperProviderName").asText(), request.get("DeveloperUserIdentifier").asText());
        return Json.MAPPER.createObjectNode();
    }
}
