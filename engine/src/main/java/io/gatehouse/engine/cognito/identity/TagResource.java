package io.gatehouse.engine.cognito.identity;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.engine.identitypool.IdentityPools;
import io.gatehouse.engine.json.Json;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** TagResource: tags added to an identity pool, named by its ARN. */
@ApplicationScoped
public class TagResource implements IdentityOperation {

    @Inject
    IdentityPools pools;

    @Override
    public String name() {
        return "TagResource";
    }

    @Override
    public ObjectNode handle(ObjectNode request) {
        pools.tag(request.get("ResourceArn").asText(), Json.stringMap(request.get("Tags")));
        return Json.MAPPER.createObjectNode();
    }
}
