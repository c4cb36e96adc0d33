package io.gatehouse.engine.cognito.mfa;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.engine.cognito.CognitoOperation;
import io.gatehouse.engine.json.Json;
import io.gatehouse.engine.users.SoftwareTokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** VerifySoftwareToken: the first code of the user's authenticator app proves it has the secret. */
@ApplicationScoped
public class VerifySoftwareToken implements CognitoOperation {

    @Inject
    SoftwareTokens tokens;

    @Override
    public String name() {
        return "VerifySoftwareToken";
    }

    @Override
    public ObjectNode handle(ObjectNode request) {
        SoftwareTokens.Verified verified = tokens.verify(request.path("AccessToken").textValue(),
                request.path("Session").textValue(), request.get("UserCode").asText());
        ObjectNode response = Json.MAPPER.createObjectNode().put("Status", verified.status());
        if (verified.session() != null) {
            response.put("Session", verified.session());
        }
        return response;
    }
}
