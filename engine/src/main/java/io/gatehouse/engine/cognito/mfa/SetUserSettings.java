package io.gatehouse.engine.cognito.mfa;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.engine.cognito.CognitoOperation;
import io.gatehouse.engine.json.Json;
import io.gatehouse.engine.mfa.MfaSettings;
import io.gatehouse.engine.users.SignInService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** SetUserSettings: Cognito's older way for a signed-in user to turn SMS codes on or off (MFAOptions). */
@ApplicationScoped
public class SetUserSettings implements CognitoOperation {

    @Inject
    SignInService signIns;

    @Inject
    MfaSettings mfa;

    @Override
    public String name() {
        return "SetUserSettings";
    }

    @Override
    public ObjectNode handle(ObjectNode request) {
        SignInService.Caller caller = signIns.caller(request.get("AccessToken").asText());
        mfa.setOptions(caller.pool(), caller.user(), request.path("MFAOptions"));
        return Json.MAPPER.createObjectNode();
    }
}
