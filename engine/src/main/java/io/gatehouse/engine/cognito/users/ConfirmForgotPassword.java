package io.gatehouse.engine.cognito.users;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.engine.cognito.CognitoOperation;
import io.gatehouse.engine.json.Json;
import io.gatehouse.engine.users.PasswordService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** ConfirmForgotPassword: the reset code and a new password. */
@ApplicationScoped
public class ConfirmForgotPassword implements CognitoOperation {

    @Inject
    PasswordService passwords;

    @Override
    public String name() {
        return "ConfirmForgotPassword";
    }

    @Override
    public ObjectNode handle(ObjectNode request) {
        passwords.confirmForgotPassword(request.get("ClientId").asText(), UserShapes.text(request, "SecretHash"),
                request.get("Username").asText(), request.get("ConfirmationCode").asText(),
                request.get("Password").asText(), Json.stringMap(request.path("ClientMetadata")));
        return Json.MAPPER.createObjectNode();
    }
}
