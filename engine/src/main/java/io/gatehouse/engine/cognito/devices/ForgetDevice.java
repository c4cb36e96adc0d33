package io.gatehouse.engine.cognito.devices;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.engine.cognito.CognitoOperation;
import io.gatehouse.engine.devices.Devices;
import io.gatehouse.engine.json.Json;
import io.gatehouse.engine.users.SignInService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** ForgetDevice: the caller's device signs in as a new one next time. */
@ApplicationScoped
public class ForgetDevice implements CognitoOperation {

    @Inject
    Devices devices;

    @Inject
    SignInService signIns;

    @Override
    public String name() {
        return "ForgetDevice";
    }

    @Override
    public ObjectNode handle(ObjectNode request) {
        SignInService.Caller caller = signIns.caller(DeviceShapes.text(request, "AccessToken").orElse(""));
        devices.forget(caller.pool().id(), caller.user().sub(), request.get("DeviceKey").asText());
        return Json.MAPPER.createObjectNode();
    }
}
