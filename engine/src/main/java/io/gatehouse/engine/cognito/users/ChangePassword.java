package io.gatehouse.engine.cognito.users;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.engine.cognito.CognitoOperation;
import io.gatehouse.engine.json.Json;
import io.gatehouse.engine.users.PasswordService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** ChangePassword: the signed-in user proves the old password and sets a new one. */
@ApplicationScoped
public class ChangePassword implements CognitoOperation {

    @Inject
    PasswordService passwords;

    @Override
    public String name() {
        return "ChangePassword";
    }

    @Override
    public ObjectNode handle(ObjectNode request) {
        passwords.changePassword(request.get("AccessToken").asText(), request.path("PreviousPassword").asText(),
                request.get("ProposedPassword").asText());
        return Json.MAPPER.createObjectNode();
    }
}
