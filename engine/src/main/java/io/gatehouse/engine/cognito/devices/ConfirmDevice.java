package io.gatehouse.engine.cognito.devices;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.engine.cognito.CognitoOperation;
import io.gatehouse.engine.devices.Devices;
import io.gatehouse.engine.json.Json;
import io.gatehouse.engine.users.SignInService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** ConfirmDevice: the client keeps the device key it was given, with the SRP verifier of its random password. */
@ApplicationScoped
public class ConfirmDevice implements CognitoOperation {

    @Inject
    Devices devices;

    @Inject
    SignInService signIns;

    @Override
    public String name() {
        return "ConfirmDevice";
    }

    @Override
    public ObjectNode handle(ObjectNode request) {
        SignInService.Caller caller = signIns.caller(request.get("AccessToken").asText());
        JsonNode config = request.path("DeviceSecretVerifierConfig");
        boolean ask = devices.confirm(caller.pool(), caller.user().sub(), request.get("DeviceKey").asText(),
                DeviceShapes.text(request, "DeviceName").orElse(null), DeviceShapes.text(config, "Salt").orElse(null),
                DeviceShapes.text(config, "PasswordVerifier").orElse(null));
        return Json.MAPPER.createObjectNode().put("UserConfirmationNecessary", ask);
    }
}
