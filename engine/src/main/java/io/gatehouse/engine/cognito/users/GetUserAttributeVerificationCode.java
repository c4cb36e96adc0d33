package io.gatehouse.engine.cognito.users;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.engine.cognito.CognitoOperation;
import io.gatehouse.engine.json.Json;
import io.gatehouse.engine.users.AttributeService;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** GetUserAttributeVerificationCode: a code that verifies the e-mail address. */
@ApplicationScoped
public class GetUserAttributeVerificationCode implements CognitoOperation {

    @Inject
    AttributeService attributes;

    @Override
    public String name() {
        return "GetUserAttributeVerificationCode";
    }

    @Override
    public ObjectNode handle(ObjectNode request) {
        ObjectNode response = Json.MAPPER.createObjectNode();
        response.set("CodeDeliveryDetails", UserShapes.delivery(attributes.sendVerificationCode(
                request.get("AccessToken").asText(), request.get("AttributeName").asText(),
                Json.stringMap(request.path("ClientMetadata")))));
        return response;
    }
}
