package io.gatehouse.engine.cognito.identity;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.engine.identitypool.IdentityPools;
import io.gatehouse.engine.json.Json;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** ListTagsForResource: the tags of an identity pool, named by its ARN. */
@ApplicationScoped
public class ListTagsForResource implements IdentityOperation {

    @Inject
    IdentityPools pools;

    @Override
    public String name() {
        return "ListTagsForResource";
    }

    @Override
    public ObjectNode handle(ObjectNode request) {
        ObjectNode response = Json.MAPPER.createObjectNode();
        response.set("Tags", Json.object(pools.tags(request.get("ResourceArn").asText())));
        return response;
    }
}
