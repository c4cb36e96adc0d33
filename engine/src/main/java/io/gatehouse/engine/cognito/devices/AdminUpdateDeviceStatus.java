package io.gatehouse.engine.cognito.devices;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.engine.cognito.CognitoOperation;
import io.gatehouse.engine.devices.Devices;
import io.gatehouse.engine.json.Json;
import io.gatehouse.engine.users.UserDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** AdminUpdateDeviceStatus: remembers a user's device, or stops remembering it. */
@ApplicationScoped
public class AdminUpdateDeviceStatus implements CognitoOperation {

    @Inject
    Devices devices;

    @Inject
    UserDirectory users;

    @Override
    public String name() {
        return "AdminUpdateDeviceStatus";
    }

    @Override
    public ObjectNode handle(ObjectNode request) {
        String poolId = request.get("UserPoolId").asText();
        String sub = users.get(poolId, request.get("Username").asText()).sub();
        devices.updateStatus(poolId, sub, request.get("DeviceKey").asText(),
                DeviceShapes.text(request, "DeviceRememberedStatus").orElse(null));
        return Json.MAPPER.createObjectNode();
    }
}
