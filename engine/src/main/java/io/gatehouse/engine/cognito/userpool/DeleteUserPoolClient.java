package io.gatehouse.engine.cognito.userpool;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.engine.cognito.CognitoOperation;
import io.gatehouse.engine.json.Json;
import io.gatehouse.engine.userpool.UserPoolClients;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** DeleteUserPoolClient. */
@ApplicationScoped
public class DeleteUserPoolClient implements CognitoOperation {

    @Inject
    UserPoolClients clients;

    @Override
    public ObjectNode handle(ObjectNode request) {
        clients.delete(request.get("UserPoolId").asText(), request.get("ClientId").asText());
        return Json.MAPPER.createObjectNode();
    }

    @Override
    public String name() {
        return "DeleteUserPoolClient";
    }
}
