package io.gatehouse.engine.cognito.users;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.engine.cognito.CognitoOperation;
import io.gatehouse.engine.json.Json;
import io.gatehouse.engine.users.PasswordService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** ForgotPassword: a reset code to the verified e-mail address. */
@ApplicationScoped
public class ForgotPassword implements CognitoOperation {

    @Inject
    PasswordService passwords;

    @Override
    public String name() {
        return "ForgotPassword";
    }

    @Override
    public ObjectNode handle(ObjectNode request) {
        ObjectNode response = Json.MAPPER.createObjectNode();
        response.set("CodeDeliveryDetails", UserShapes.delivery(passwords.forgotPassword(
                request.get("ClientId").asText(), UserShapes.text(request, "SecretHash"),
                request.get("Username").asText(), Json.stringMap(request.path("ClientMetadata")))));
        return response;
    }
}
