package io.gatehouse.engine.cognito.devices;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.engine.cognito.CognitoOperation;
import io.gatehouse.engine.devices.Devices;
import io.gatehouse.engine.json.Json;
import io.gatehouse.engine.users.UserDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** AdminGetDevice: one of a user's devices. */
@ApplicationScoped
public class AdminGetDevice implements CognitoOperation {

    @Inject
    Devices devices;

    @Inject
    UserDirectory users;

    @Override
    public String name() {
        return "AdminGetDevice";
    }

    @Override
    public ObjectNode handle(ObjectNode request) {
        String poolId = request.get("UserPoolId").asText();
        String sub = users.get(poolId, request.get("Username").asText()).sub();
        ObjectNode response = Json.MAPPER.createObjectNode();
        response.set("Device", DeviceShapes.device(devices.get(poolId, sub, request.get("DeviceKey").asText())));
        return response;
    }
}
