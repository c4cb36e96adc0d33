package io.gatehouse.engine.cognito.groups;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.engine.cognito.CognitoOperation;
import io.gatehouse.engine.groups.Groups;
import io.gatehouse.engine.json.Json;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** CreateGroup: a new group, with an optional role and precedence. */
@ApplicationScoped
public class CreateGroup implements CognitoOperation {

    @Inject
    Groups groups;

    @Override
    public String name() {
        return "CreateGroup";
    }

    @Override
    public ObjectNode handle(ObjectNode request) {
        String poolId = request.get("UserPoolId").asText();
        ObjectNode response = Json.MAPPER.createObjectNode();
        response.set("Group", GroupShapes.group(groups.create(poolId, request.get("GroupName").asText(),
                GroupShapes.text(request, "Description"), GroupShapes.text(request, "RoleArn"),
                GroupShapes.integer(request, "Precedence"))));
        return response;
    }
}
