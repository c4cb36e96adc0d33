package io.gatehouse.engine.cognito.groups;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.engine.cognito.CognitoOperation;
import io.gatehouse.engine.cognito.PageLimits;
import io.gatehouse.engine.groups.Groups;
import io.gatehouse.engine.json.Json;
import io.gatehouse.engine.groups.Group;
import io.gatehouse.engine.userpool.Page;

import java.util.Optional;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** ListGroups: a page of the pool's groups, by name. */
@ApplicationScoped
public class ListGroups implements CognitoOperation {

    @Inject
    Groups groups;

    @Override
    public String name() {
        return "ListGroups";
    }

    @Override
    public ObjectNode handle(ObjectNode request) {
        String poolId = request.get("UserPoolId").asText();
        Page<Group> page = groups.list(poolId, PageLimits.of(request),
                Optional.ofNullable(GroupShapes.text(request, "NextToken")));
        ObjectNode response = Json.MAPPER.createObjectNode();
        response.set("Groups", GroupShapes.groups(page.items()));
        page.nextToken().ifPresent(t -> response.put("NextToken", t));
        return response;
    }
}
