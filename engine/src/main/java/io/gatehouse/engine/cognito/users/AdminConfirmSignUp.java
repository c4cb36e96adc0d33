package io.gatehouse.engine.cognito.users;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.engine.cognito.CognitoOperation;
import io.gatehouse.engine.json.Json;
import io.gatehouse.engine.users.SignUpService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** AdminConfirmSignUp: an administrator confirms a user without a code. */
@ApplicationScoped
public class AdminConfirmSignUp implements CognitoOperation {

    @Inject
    SignUpService signUps;

    @Override
    public String name() {
        return "AdminConfirmSignUp";
    }

    @Override
    public ObjectNode handle(ObjectNode request) {
        signUps.adminConfirm(request.get("UserPoolId").asText(), request.get("Username").asText(),
                Json.stringMap(request.path("ClientMetadata")));
        return Json.MAPPER.createObjectNode();
    }
}
