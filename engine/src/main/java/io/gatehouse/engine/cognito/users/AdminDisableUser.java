package io.gatehouse.engine.cognito.users;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.engine.cognito.CognitoOperation;
import io.gatehouse.engine.json.Json;
import io.gatehouse.engine.users.UserDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** AdminDisableUser: the user can no longer sign in, and their sign-ins end. */
@ApplicationScoped
public class AdminDisableUser implements CognitoOperation {

    @Inject
    UserDirectory directory;

    @Override
    public String name() {
        return "AdminDisableUser";
    }

    @Override
    public ObjectNode handle(ObjectNode request) {
        directory.setEnabled(request.get("UserPoolId").asText(), request.get("Username").asText(), false);
        return Json.MAPPER.createObjectNode();
    }
}
