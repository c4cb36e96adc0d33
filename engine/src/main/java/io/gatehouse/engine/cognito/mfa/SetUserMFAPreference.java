package io.gatehouse.engine.cognito.mfa;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.engine.cognito.CognitoOperation;
import io.gatehouse.engine.json.Json;
import io.gatehouse.engine.mfa.MfaSettings;
import io.gatehouse.engine.users.SignInService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** SetUserMFAPreference: the signed-in user turns their second factors on or off and picks the preferred one. */
@ApplicationScoped
public class SetUserMFAPreference implements CognitoOperation {

    @Inject
    SignInService signIns;

    @Inject
    MfaSettings mfa;

    @Override
    public String name() {
        return "SetUserMFAPreference";
    }

    @Override
    public ObjectNode handle(ObjectNode request) {
        SignInService.Caller caller = signIns.caller(request.get("AccessToken").asText());
        mfa.setPreference(caller.pool(), caller.user(), request);
        return Json.MAPPER.createObjectNode();
    }
}
