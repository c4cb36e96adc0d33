package io.gatehouse.engine.cognito.users;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.engine.cognito.CognitoOperation;
import io.gatehouse.engine.json.Json;
import io.gatehouse.engine.users.SignUpService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** SignUp: a new, unconfirmed user, and a confirmation code sent to the address the pool verifies. */
@ApplicationScoped
public class SignUp implements CognitoOperation {

    @Inject
    SignUpService signUps;

    @Override
    public String name() {
        return "SignUp";
    }

    @Override
    public ObjectNode handle(ObjectNode request) {
        SignUpService.Result result = signUps.signUp(request.get("ClientId").asText(),
                UserShapes.text(request, "SecretHash"), request.get("Username").asText(),
                UserShapes.text(request, "Password"), UserShapes.attributes(request.path("UserAttributes")),
                UserShapes.attributes(request.path("ValidationData")),
                Json.stringMap(request.path("ClientMetadata")));
        ObjectNode response = Json.MAPPER.createObjectNode()
                .put("UserConfirmed", result.confirmed())
                .put("UserSub", result.sub());
        result.delivery().ifPresent(d -> response.set("CodeDeliveryDetails", UserShapes.delivery(d)));
        return response;
    }
}
