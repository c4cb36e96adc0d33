package io.gatehouse.engine.cognito.resourceservers;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.engine.cognito.CognitoOperation;
import io.gatehouse.engine.json.Json;
import io.gatehouse.engine.resourceservers.ResourceServer;
import io.gatehouse.engine.resourceservers.ResourceServers;
import io.gatehouse.engine.userpool.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Optional;

/** ListResourceServers: a page of the pool's resource servers, by identifier. */
@ApplicationScoped
public class ListResourceServers implements CognitoOperation {

    @Inject
    ResourceServers servers;

    @Override
    public String name() {
        return "ListResourceServers";
    }

    @Override
    public ObjectNode handle(ObjectNode request) {
        int limit = request.path("MaxResults").asInt(50);
        Page<ResourceServer> page = servers.list(request.get("UserPoolId").asText(), limit,
                Optional.ofNullable(request.path("NextToken").textValue()));
        ObjectNode response = Json.MAPPER.createObjectNode();
        ArrayNode list = response.putArray("ResourceServers");
        page.items().forEach(s -> list.add(ResourceServerShapes.server(s)));
        page.nextToken().ifPresent(t -> response.put("NextToken", t));
        return response;
    }
}
