package io.gatehouse.engine.cognito.users;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.engine.cognito.CognitoOperation;
import io.gatehouse.engine.json.Json;
import io.gatehouse.engine.users.PasswordService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** AdminSetUserPassword: a permanent password (the user is confirmed) or a temporary one. */
@ApplicationScoped
public class AdminSetUserPassword implements CognitoOperation {

    @Inject
    PasswordService passwords;

    @Override
    public String name() {
        return "AdminSetUserPassword";
    }

    @Override
    public ObjectNode handle(ObjectNode request) {
        passwords.adminSet(request.get("UserPoolId").asText(), request.get("Username").asText(),
                request.get("Password").asText(), request.path("Permanent").asBoolean(false));
        return Json.MAPPER.createObjectNode();
    }
}
