package io.gatehouse.engine.cognito.devices;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.engine.cognito.CognitoOperation;
import io.gatehouse.engine.cognito.PageLimits;
import io.gatehouse.engine.devices.Devices;
import io.gatehouse.engine.json.Json;
import io.gatehouse.engine.users.SignInService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** ListDevices: a page of the caller's devices. */
@ApplicationScoped
public class ListDevices implements CognitoOperation {

    @Inject
    Devices devices;

    @Inject
    SignInService signIns;

    @Override
    public String name() {
        return "ListDevices";
    }

    @Override
    public ObjectNode handle(ObjectNode request) {
        SignInService.Caller caller = signIns.caller(request.get("AccessToken").asText());
        return DeviceShapes.page(devices.list(caller.pool().id(), caller.user().sub(), PageLimits.of(request),
                DeviceShapes.text(request, "PaginationToken")));
    }
}
