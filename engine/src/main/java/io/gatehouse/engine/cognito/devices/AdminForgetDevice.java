package io.gatehouse.engine.cognito.devices;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.engine.cognito.CognitoOperation;
import io.gatehouse.engine.devices.Devices;
import io.gatehouse.engine.json.Json;
import io.gatehouse.engine.users.UserDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** AdminForgetDevice: forgets a user's device. */
@ApplicationScoped
public class AdminForgetDevice implements CognitoOperation {

    @Inject
    Devices devices;

    @Inject
    UserDirectory users;

    @Override
    public String name() {
        return "AdminForgetDevice";
    }

    @Override
    public ObjectNode handle(ObjectNode request) {
        String poolId = request.get("UserPoolId").asText();
        String sub = users.get(poolId, request.get("Username").asText()).sub();
        devices.forget(poolId, sub, request.get("DeviceKey").asText());
        return Json.MAPPER.createObjectNode();
    }
}
