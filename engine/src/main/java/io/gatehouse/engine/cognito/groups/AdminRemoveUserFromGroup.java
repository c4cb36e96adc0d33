package io.gatehouse.engine.cognito.groups;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.engine.cognito.CognitoOperation;
import io.gatehouse.engine.groups.Groups;
import io.gatehouse.engine.json.Json;
import io.gatehouse.engine.users.UserDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** AdminRemoveUserFromGroup: takes a user out of a group. */
@ApplicationScoped
public class AdminRemoveUserFromGroup implements CognitoOperation {

    @Inject
    Groups groups;

    @Inject
    UserDirectory users;

    @Override
    public String name() {
        return "AdminRemoveUserFromGroup";
    }

    @Override
    public ObjectNode handle(ObjectNode request) {
        String poolId = request.get("UserPoolId").asText();
        String sub = users.get(poolId, request.get("Username").asText()).sub();
        groups.removeMember(poolId, request.get("GroupName").asText(), sub);
        return Json.MAPPER.createObjectNode();
    }
}
