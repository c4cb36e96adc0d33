package io.gatehouse.engine.cognito.users;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.engine.cognito.CognitoOperation;
import io.gatehouse.engine.json.Json;
import io.gatehouse.engine.users.SignInService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** RevokeToken: one refresh token, and the access tokens of its sign-in, stop working. */
@ApplicationScoped
public class RevokeToken implements CognitoOperation {

    @Inject
    SignInService signIns;

    @Override
    public String name() {
        return "RevokeToken";
    }

    @Override
    public ObjectNode handle(ObjectNode request) {
        signIns.revoke(request.get("ClientId").asText(), UserShapes.text(request, "ClientSecret"),
                request.get("Token").asText());
        return Json.MAPPER.createObjectNode();
    }
}
