package io.gatehouse.engine.cognito.groups;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.engine.cognito.CognitoOperation;
import io.gatehouse.engine.groups.Groups;
import io.gatehouse.engine.json.Json;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** DeleteGroup: removes a group; its members stay in the pool. */
@ApplicationScoped
public class DeleteGroup implements CognitoOperation {

    @Inject
    Groups groups;

    @Override
    public String name() {
        return "DeleteGroup";
    }

    @Override
    public ObjectNode handle(ObjectNode request) {
        String poolId = request.get("UserPoolId").asText();
        groups.delete(poolId, request.get("GroupName").asText());
        return Json.MAPPER.createObjectNode();
    }
}
