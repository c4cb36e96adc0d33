package io.gatehouse.engine.cognito.users;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.engine.cognito.CognitoOperation;
import io.gatehouse.engine.json.Json;
import io.gatehouse.engine.users.SignUpService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** ConfirmSignUp: the code the user received confirms the account. */
@ApplicationScoped
public class ConfirmSignUp implements CognitoOperation {

    @Inject
    SignUpService signUps;

    @Override
    public String name() {
        return "ConfirmSignUp";
    }

    @Override
    public ObjectNode handle(ObjectNode request) {
        signUps.confirm(request.get("ClientId").asText(), UserShapes.text(request, "SecretHash"),
                request.get("Username").asText(), request.get("ConfirmationCode").asText(),
                Json.stringMap(request.path("ClientMetadata")));
        return Json.MAPPER.createObjectNode();
    }
}
