package io.gatehouse.engine.cognito.users;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.engine.cognito.CognitoOperation;
import io.gatehouse.engine.json.Json;
import io.gatehouse.engine.users.SignInService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** GlobalSignOut: every refresh token of the user is revoked, and access tokens issued with them stop working. */
@ApplicationScoped
public class GlobalSignOut implements CognitoOperation {

    @Inject
    SignInService signIns;

    @Override
    public String name() {
        return "GlobalSignOut";
    }

    @Override
    public ObjectNode handle(ObjectNode request) {
        signIns.globalSignOut(request.get("AccessToken").asText());
        return Json.MAPPER.createObjectNode();
    }
}
