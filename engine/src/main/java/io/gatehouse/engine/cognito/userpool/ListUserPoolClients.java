package io.gatehouse.engine.cognito.userpool;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.engine.cognito.CognitoOperation;
import io.gatehouse.engine.json.Json;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.gatehouse.engine.userpool.Page;
import io.gatehouse.engine.userpool.UserPoolClient;
import io.gatehouse.engine.userpool.UserPoolClients;

import java.util.Optional;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** ListUserPoolClients: pages in client-id order. */
@ApplicationScoped
public class ListUserPoolClients implements CognitoOperation {

    /** Cognito's page size when MaxResults is absent. */
    private static final int DEFAULT_PAGE = 60;

    @Inject
    UserPoolClients clients;

    @Override
    public ObjectNode handle(ObjectNode request) {
        Page<UserPoolClient> page = clients.list(request.get("UserPoolId").asText(),
                request.path("MaxResults").asInt(DEFAULT_PAGE),
                Optional.ofNullable(request.path("NextToken").textValue()));
        ObjectNode response = Json.MAPPER.createObjectNode();
        ArrayNode items = response.putArray("UserPoolClients");
        page.items().forEach(client -> items.add(UserPoolShapes.clientDescription(client)));
        page.nextToken().ifPresent(token -> response.put("NextToken", token));
        return response;
    }

    @Override
    public String name() {
        return "ListUserPoolClients";
    }
}
