package io.gatehouse.engine.cognito.users;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.engine.cognito.CognitoOperation;
import io.gatehouse.engine.json.Json;
import io.gatehouse.engine.users.UserDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** AdminEnableUser: a disabled user may sign in again. */
@ApplicationScoped
public class AdminEnableUser implements CognitoOperation {

    @Inject
    UserDirectory directory;

    @Override
    public String name() {
        return "AdminEnableUser";
    }

    @Override
    public ObjectNode handle(ObjectNode request) {
        directory.setEnabled(request.get("UserPoolId").asText(), request.get("Username").asText(), true);
        return Json.MAPPER.createObjectNode();
    }
}
