package io.gatehouse.engine.cognito.users;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.engine.cognito.CognitoOperation;
import io.gatehouse.engine.json.Json;
import io.gatehouse.engine.users.AttributeService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** AdminUpdateUserAttributes: an administrator changes a user's attributes. */
@ApplicationScoped
public class AdminUpdateUserAttributes implements CognitoOperation {

    @Inject
    AttributeService attributes;

    @Override
    public String name() {
        return "AdminUpdateUserAttributes";
    }

    @Override
    public ObjectNode handle(ObjectNode request) {
        attributes.adminUpdate(request.get("UserPoolId").asText(), request.get("Username").asText(),
                UserShapes.attributes(request.path("UserAttributes")), Json.stringMap(request.path("ClientMetadata")));
        return Json.MAPPER.createObjectNode();
    }
}
