package io.gatehouse.engine.cognito.groups;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.engine.cognito.CognitoOperation;
import io.gatehouse.engine.groups.Groups;
import io.gatehouse.engine.json.Json;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** GetGroup: one group. */
@ApplicationScoped
public class GetGroup implements CognitoOperation {

    @Inject
    Groups groups;

    @Override
    public String name() {
        return "GetGroup";
    }

    @Override
    public ObjectNode handle(ObjectNode request) {
        String poolId = request.get("UserPoolId").asText();
        ObjectNode response = Json.MAPPER.createObjectNode();
        response.set("Group", GroupShapes.group(groups.get(poolId, request.get("GroupName").asText())));
        return response;
    }
}
