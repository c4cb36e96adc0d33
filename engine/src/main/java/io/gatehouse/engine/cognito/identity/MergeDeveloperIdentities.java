package io.gatehouse.engine.cognito.identity;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.engine.identitypool.IdentityPools;
import io.gatehouse.engine.identitypool.identity.DeveloperIdentities;
import io.gatehouse.engine.json.Json;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** MergeDeveloperIdentities: the source developer user's identity joins the destination user's. */
@ApplicationScoped
public class MergeDeveloperIdentities implements IdentityOperation {

    @Inject
    IdentityPools pools;

    @Inject
    DeveloperIdentities developers;

    @Override
    public String name() {
        return "MergeDeveloperIdentities";
    }

    @Override
    public ObjectNode handle(ObjectNode request) {
        String identityId = developers.merge(pools.get(request.get("IdentityPoolId").asText()),
                request.get("DeveloperProviderName").asText(), request.get("SourceUserIdentifier").asText(),
                request.get("DestinationUserIdentifier").asText());
        return Json.MAPPER.createObjectNode().put("IdentityId", identityId);
    }
}
