package io.gatehouse.engine.cognito.users;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.api.userstore.UserRecord;
import io.gatehouse.engine.cognito.CognitoOperation;
import io.gatehouse.engine.cognito.PageLimits;
import io.gatehouse.engine.groups.Groups;
import io.gatehouse.engine.json.Json;
import io.gatehouse.engine.userpool.Page;
import io.gatehouse.engine.users.UserDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Optional;

/** ListUsersInGroup: a page of a group's members. */
@ApplicationScoped
public class ListUsersInGroup implements CognitoOperation {

    @Inject
    Groups groups;

    @Inject
    UserDirectory users;

    @Override
    public String name() {
        return "ListUsersInGroup";
    }

    @Override
    public ObjectNode handle(ObjectNode request) {
        String poolId = request.get("UserPoolId").asText();
        Page<String> page = groups.membersOf(poolId, request.get("GroupName").asText(),
                PageLimits.of(request), Optional.ofNullable(UserShapes.text(request, "NextToken")));
        ObjectNode response = Json.MAPPER.createObjectNode();
        ArrayNode list = response.putArray("Users");
        for (UserRecord user : users.bySubs(poolId, page.items())) {
            list.add(UserShapes.user(user, null));
        }
        page.nextToken().ifPresent(t -> response.put("NextToken", t));
        return response;
    }
}
