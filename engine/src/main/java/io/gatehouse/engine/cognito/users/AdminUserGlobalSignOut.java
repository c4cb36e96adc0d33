package io.gatehouse.engine.cognito.users;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.engine.cognito.CognitoOperation;
import io.gatehouse.engine.json.Json;
import io.gatehouse.engine.users.UserDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** AdminUserGlobalSignOut: ends every sign-in of a user. */
@ApplicationScoped
public class AdminUserGlobalSignOut implements CognitoOperation {

    @Inject
    UserDirectory directory;

    @Override
    public String name() {
        return "AdminUserGlobalSignOut";
    }

    @Override
    public ObjectNode handle(ObjectNode request) {
        directory.signOut(request.get("UserPoolId").asText(), request.get("Username").asText());
        return Json.MAPPER.createObjectNode();
    }
}
