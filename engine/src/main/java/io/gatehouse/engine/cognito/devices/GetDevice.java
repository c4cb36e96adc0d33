package io.gatehouse.engine.cognito.devices;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.engine.cognito.CognitoOperation;
import io.gatehouse.engine.devices.Devices;
import io.gatehouse.engine.json.Json;
import io.gatehouse.engine.users.SignInService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** GetDevice: one of the caller's devices. */
@ApplicationScoped
public class GetDevice implements CognitoOperation {

    @Inject
    Devices devices;

    @Inject
    SignInService signIns;

    @Override
    public String name() {
        return "GetDevice";
    }

    @Override
    public ObjectNode handle(ObjectNode request) {
        SignInService.Caller caller = signIns.caller(DeviceShapes.text(request, "AccessToken").orElse(""));
        ObjectNode response = Json.MAPPER.createObjectNode();
        response.set("Device", DeviceShapes.device(devices.get(caller.pool().id(), caller.user().sub(),
                request.get("DeviceKey").asText())));
        return response;
    }
}
