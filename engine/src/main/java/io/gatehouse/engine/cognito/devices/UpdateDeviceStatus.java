package io.gatehouse.engine.cognito.devices;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.engine.cognito.CognitoOperation;
import io.gatehouse.engine.devices.Devices;
import io.gatehouse.engine.json.Json;
import io.gatehouse.engine.users.SignInService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** UpdateDeviceStatus: the user remembers a device of theirs, or stops remembering it. */
@ApplicationScoped
public class UpdateDeviceStatus implements CognitoOperation {

    @Inject
    Devices devices;

    @Inject
    SignInService signIns;

    @Override
    public String name() {
        return "UpdateDeviceStatus";
    }

    @Override
    public ObjectNode handle(ObjectNode request) {
        SignInService.Caller caller = signIns.caller(request.get("AccessToken").asText());
        devices.updateStatus(caller.pool().id(), caller.user().sub(), request.get("DeviceKey").asText(),
                DeviceShapes.text(request, "DeviceRememberedStatus").orElse(null));
        return Json.MAPPER.createObjectNode();
    }
}
