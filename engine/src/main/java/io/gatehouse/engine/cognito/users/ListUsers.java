package io.gatehouse.engine.cognito.users;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.api.userstore.UserRecord;
import io.gatehouse.engine.cognito.CognitoOperation;
import io.gatehouse.engine.cognito.PageLimits;
import io.gatehouse.engine.json.Json;
import io.gatehouse.engine.users.UserDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/** ListUsers: a page of a pool's users, all or those a filter selects, with the attributes asked for. */
@ApplicationScoped
public class ListUsers implements CognitoOperation {

    @Inject
    UserDirectory directory;

    @Override
    public String name() {
        return "ListUsers";
    }

    @Override
    public ObjectNode handle(ObjectNode request) {
        UserDirectory.Page page = directory.list(request.get("UserPoolId").asText(),
                UserShapes.text(request, "Filter"), PageLimits.of(request),
                Optional.ofNullable(UserShapes.text(request, "PaginationToken")));
        Set<String> only = null;
        if (request.has("AttributesToGet")) {
            only = new HashSet<>();
            for (JsonNode name : request.get("AttributesToGet")) {
                only.add(name.asText());
            }
        }
        ObjectNode response = Json.MAPPER.createObjectNode();
        ArrayNode users = response.putArray("Users");
        for (UserRecord user : page.users().users()) {
            users.add(UserShapes.user(user, only));
        }
        page.paginationToken().ifPresent(token -> response.put("PaginationToken", token));
        return response;
    }
}
