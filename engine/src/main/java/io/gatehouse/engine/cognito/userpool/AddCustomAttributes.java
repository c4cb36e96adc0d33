package io.gatehouse.engine.cognito.userpool;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.engine.cognito.CognitoOperation;
import io.gatehouse.engine.json.Json;
import io.gatehouse.engine.userpool.UserPools;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** AddCustomAttributes: more {@code custom:} attributes in a pool's schema; existing ones cannot change. */
@ApplicationScoped
public class AddCustomAttributes implements CognitoOperation {

    @Inject
    UserPools pools;

    @Override
    public String name() {
        return "AddCustomAttributes";
    }

    @Override
    public ObjectNode handle(ObjectNode request) {
        pools.addCustomAttributes(request.get("UserPoolId").asText(), request.get("CustomAttributes"));
        return Json.MAPPER.createObjectNode();
    }
}
