package io.gatehouse.engine.cognito.groups;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.engine.cognito.CognitoOperation;
import io.gatehouse.engine.cognito.PageLimits;
import io.gatehouse.engine.groups.Groups;
import io.gatehouse.engine.json.Json;
import io.gatehouse.engine.groups.Group;
import io.gatehouse.engine.userpool.Page;
import io.gatehouse.engine.users.UserDirectory;

import java.util.Optional;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** AdminListGroupsForUser: a page of the groups a user is in, by name. */
@ApplicationScoped
public class AdminListGroupsForUser implements CognitoOperation {

    @Inject
    Groups groups;

    @Inject
    UserDirectory users;

    @Override
    public String name() {
        return "AdminListGroupsForUser";
    }

    @Override
    public ObjectNode handle(ObjectNode request) {
        String poolId = request.get("UserPoolId").asText();
        String sub = users.get(poolId, request.get("Username").asText()).sub();
        Page<Group> page = groups.groupsOf(poolId, sub, PageLimits.of(request),
                Optional.ofNullable(GroupShapes.text(request, "NextToken")));
        ObjectNode response = Json.MAPPER.createObjectNode();
        response.set("Groups", GroupShapes.groups(page.items()));
        page.nextToken().ifPresent(t -> response.put("NextToken", t));
        return response;
    }
}
