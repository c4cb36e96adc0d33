package io.gatehouse.engine.cognito.userpool;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.engine.cognito.CognitoOperation;
import io.gatehouse.engine.json.Json;
import io.gatehouse.engine.userpool.ClientSecrets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** DeleteUserPoolClientSecret: the client's last secret cannot be deleted. */
@ApplicationScoped
public class DeleteUserPoolClientSecret implements CognitoOperation {

    @Inject
    ClientSecrets secrets;

    @Override
    public ObjectNode handle(ObjectNode request) {
        secrets.delete(request.get("UserPoolId").asText(), request.get("ClientId").asText(),
                request.get("ClientSecretId").asText());
        return Json.MAPPER.createObjectNode();
    }

    @Override
    public String name() {
        return "DeleteUserPoolClientSecret";
    }
}
