package io.gatehouse.engine.cognito.identity;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.engine.identitypool.IdentityPool;
import io.gatehouse.engine.identitypool.IdentityPools;
import io.gatehouse.engine.json.Json;
import io.gatehouse.engine.userpool.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Optional;

/** ListIdentityPools: a page of the account's identity pools, in id order. */
@ApplicationScoped
public class ListIdentityPools implements IdentityOperation {

    @Inject
    IdentityPools pools;

    @Override
    public String name() {
        return "ListIdentityPools";
    }

    @Override
    public ObjectNode handle(ObjectNode request) {
        Page<IdentityPool> page = pools.list(request.get("MaxResults").asInt(),
                Optional.ofNullable(request.path("NextToken").textValue()));
        ObjectNode response = Json.MAPPER.createObjectNode();
        ArrayNode list = response.putArray("IdentityPools");
        page.items().forEach(p -> list.addObject().put("IdentityPoolId", p.id()).put("IdentityPoolName", p.name()));
        page.nextToken().ifPresent(t -> response.put("NextToken", t));
        return response;
    }
}
