package io.gatehouse.engine.cognito.identity;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.engine.identitypool.IdentityPools;
import io.gatehouse.engine.json.Json;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** UntagResource: tags removed from an identity pool, named by its ARN. */
@ApplicationScoped
public class UntagResource implements IdentityOperation {

    @Inject
    IdentityPools pools;

    @Override
    public String name() {
        return "UntagResource";
    }

    @Override
    public ObjectNode handle(ObjectNode request) {
        pools.untag(request.get("ResourceArn").asText(), Json.stringList(request.get("TagKeys")));
        return Json.MAPPER.createObjectNode();
    }
}
