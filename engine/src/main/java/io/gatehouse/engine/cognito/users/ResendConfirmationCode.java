package io.gatehouse.engine.cognito.users;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.engine.cognito.CognitoOperation;
import io.gatehouse.engine.json.Json;
import io.gatehouse.engine.users.SignUpService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** ResendConfirmationCode: a new sign-up code replaces the old one. */
@ApplicationScoped
public class ResendConfirmationCode implements CognitoOperation {

    @Inject
    SignUpService signUps;

    @Override
    public String name() {
        return "ResendConfirmationCode";
    }

    @Override
    public ObjectNode handle(ObjectNode request) {
        ObjectNode response = Json.MAPPER.createObjectNode();
        response.set("CodeDeliveryDetails", UserShapes.delivery(signUps.resend(request.get("ClientId").asText(),
                UserShapes.text(request, "SecretHash"), request.get("Username").asText(), Json.stringMap(request.path("ClientMetadata")))));
        return response;
    }
}
