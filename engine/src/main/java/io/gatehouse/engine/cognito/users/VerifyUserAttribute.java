package io.gatehouse.engine.cognito.users;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.engine.cognito.CognitoOperation;
import io.gatehouse.engine.json.Json;
import io.gatehouse.engine.users.AttributeService;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** VerifyUserAttribute: the mailed code marks the e-mail address verified. */
@ApplicationScoped
public class VerifyUserAttribute implements CognitoOperation {

    @Inject
    AttributeService attributes;

    @Override
    public String name() {
        return "VerifyUserAttribute";
    }

    @Override
    public ObjectNode handle(ObjectNode request) {
        attributes.verify(request.get("AccessToken").asText(), request.get("AttributeName").asText(),
                request.get("Code").asText());
        return Json.MAPPER.createObjectNode();
    }
}
