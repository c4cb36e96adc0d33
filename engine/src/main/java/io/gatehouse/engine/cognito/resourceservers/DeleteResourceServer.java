package io.gatehouse.engine.cognito.resourceservers;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.engine.cognito.CognitoOperation;
import io.gatehouse.engine.json.Json;
import io.gatehouse.engine.resourceservers.ResourceServers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** DeleteResourceServer. */
@ApplicationScoped
public class DeleteResourceServer implements CognitoOperation {

    @Inject
    ResourceServers servers;

    @Override
    public String name() {
        return "DeleteResourceServer";
    }

    @Override
    public ObjectNode handle(ObjectNode request) {
        servers.delete(request.get("UserPoolId").asText(), request.get("Identifier").asText());
        return Json.MAPPER.createObjectNode();
    }
}
