package io.gatehouse.engine.cognito.users;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.engine.cognito.CognitoOperation;
import io.gatehouse.engine.json.Json;
import io.gatehouse.engine.users.UserDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** AdminDeleteUser: removes a user and ends their sign-ins. */
@ApplicationScoped
public class AdminDeleteUser implements CognitoOperation {

    @Inject
    UserDirectory directory;

    @Override
    public String name() {
        return "AdminDeleteUser";
    }

    @Override
    public ObjectNode handle(ObjectNode request) {
        directory.delete(request.get("UserPoolId").asText(), request.get("Username").asText());
        return Json.MAPPER.createObjectNode();
    }
}
