package io.gatehouse.engine.cognito.users;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.engine.cognito.CognitoOperation;
import io.gatehouse.engine.json.Json;
import io.gatehouse.engine.users.AttributeService;

import java.util.ArrayList;
import java.util.List;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** AdminDeleteUserAttributes: an administrator removes attributes of a user. */
@ApplicationScoped
public class AdminDeleteUserAttributes implements CognitoOperation {

    @Inject
    AttributeService attributes;

    @Override
    public String name() {
        return "AdminDeleteUserAttributes";
    }

    @Override
    public ObjectNode handle(ObjectNode request) {
        List<String> names = new ArrayList<>();
        request.path("UserAttributeNames").forEach(n -> names.add(n.asText()));
        attributes.adminDelete(request.get("UserPoolId").asText(), request.get("Username").asText(), names);
        return Json.MAPPER.createObjectNode();
    }
}
