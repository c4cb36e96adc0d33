package io.gatehouse.engine.cognito.users;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.engine.cognito.CognitoOperation;
import io.gatehouse.engine.json.Json;
import io.gatehouse.engine.users.AttributeService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** UpdateUserAttributes: a changed e-mail address is verified again with a mailed code. */
@ApplicationScoped
public class UpdateUserAttributes implements CognitoOperation {

    @Inject
    AttributeService attributes;

    @Override
    public String name() {
        return "UpdateUserAttributes";
    }

    @Override
    public ObjectNode handle(ObjectNode request) {
        ObjectNode response = Json.MAPPER.createObjectNode();
        ArrayNode deliveries = response.putArray("CodeDeliveryDetailsList");
        attributes.update(request.get("AccessToken").asText(), UserShapes.attributes(request.path("UserAttributes")),
                        Json.stringMap(request.path("ClientMetadata")))
                .forEach(d -> deliveries.add(UserShapes.delivery(d)));
        return response;
    }
}
