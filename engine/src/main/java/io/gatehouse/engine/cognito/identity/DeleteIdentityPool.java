package io.gatehouse.engine.cognito.identity;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.engine.identitypool.IdentityPools;
import io.gatehouse.engine.json.Json;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** DeleteIdentityPool. */
@ApplicationScoped
public class DeleteIdentityPool implements IdentityOperation {

    @Inject
    IdentityPools pools;

    @Override
    public String name() {
        return "DeleteIdentityPool";
    }

    @Override
    public ObjectNode handle(ObjectNode request) {
        pools.delete(request.get("IdentityPoolId").asText());
        return Json.MAPPER.createObjectNode();
    }
}
