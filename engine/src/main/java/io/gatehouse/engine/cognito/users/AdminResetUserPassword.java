package io.gatehouse.engine.cognito.users;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.engine.cognito.CognitoOperation;
import io.gatehouse.engine.json.Json;
import io.gatehouse.engine.users.PasswordService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** AdminResetUserPassword: the user must reset their password (with a code sent to them) to sign in. */
@ApplicationScoped
public class AdminResetUserPassword implements CognitoOperation {

    @Inject
    PasswordService passwords;

    @Override
    public String name() {
        return "AdminResetUserPassword";
    }

    @Override
    public ObjectNode handle(ObjectNode request) {
        passwords.adminReset(request.get("UserPoolId").asText(), request.get("Username").asText(),
                Json.stringMap(request.path("ClientMetadata")));
        return Json.MAPPER.createObjectNode();
    }
}
