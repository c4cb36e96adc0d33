package io.gatehouse.engine.cognito.users;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.engine.cognito.CognitoOperation;
import io.gatehouse.engine.json.Json;
import io.gatehouse.engine.users.PasswordService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** DeleteUser: users delete themselves; their sign-ins end. */
@ApplicationScoped
public class DeleteUser implements CognitoOperation {

    @Inject
    PasswordService passwords;

    @Override
    public String name() {
        return "DeleteUser";
    }

    @Override
    public ObjectNode handle(ObjectNode request) {
        passwords.deleteUser(request.get("AccessToken").asText());
        return Json.MAPPER.createObjectNode();
    }
}
