package io.gatehouse.engine.cognito.domains;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.engine.cognito.CognitoOperation;
import io.gatehouse.engine.domains.Domains;
import io.gatehouse.engine.json.Json;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** DeleteUserPoolDomain. */
@ApplicationScoped
public class DeleteUserPoolDomain implements CognitoOperation {

    @Inject
    Domains domains;

    @Override
    public String name() {
        return "DeleteUserPoolDomain";
    }

    @Override
    public ObjectNode handle(ObjectNode request) {
        domains.delete(request.get("UserPoolId").asText(), request.get("Domain").asText());
        return Json.MAPPER.createObjectNode();
    }
}
