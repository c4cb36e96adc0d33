package io.gatehouse.engine.cognito.userpool;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.engine.cognito.CognitoOperation;
import io.gatehouse.engine.json.Json;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.gatehouse.engine.userpool.Page;
import io.gatehouse.engine.userpool.UserPool;
import io.gatehouse.engine.userpool.UserPools;

import java.util.Optional;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** ListUserPools: pages in pool-id order. */
@ApplicationScoped
public class ListUserPools implements CognitoOperation {

    @Inject
    UserPools pools;

    @Override
    public ObjectNode handle(ObjectNode request) {
        Page<UserPool> page = pools.list(request.get("MaxResults").asInt(),
                Optional.ofNullable(request.path("NextToken").textValue()));
        ObjectNode response = Json.MAPPER.createObjectNode();
        ArrayNode items = response.putArray("UserPools");
        page.items().forEach(pool -> items.add(UserPoolShapes.description(pool)));
        page.nextToken().ifPresent(token -> response.put("NextToken", token));
        return response;
    }

    @Override
    public String name() {
        return "ListUserPools";
    }
}
