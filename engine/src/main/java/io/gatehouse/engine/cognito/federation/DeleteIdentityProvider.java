package io.gatehouse.engine.cognito.federation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.engine.cognito.CognitoOperation;
import io.gatehouse.engine.federation.IdentityProviders;
import io.gatehouse.engine.json.Json;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** DeleteIdentityProvider: with its identifiers, its links, and its name in the app clients. */
@ApplicationScoped
public class DeleteIdentityProvider implements CognitoOperation {

    @Inject
    IdentityProviders identityProviders;

    @Override
    public String name() {
        return "DeleteIdentityProvider";
    }

    @Override
    public ObjectNode handle(ObjectNode request) {
        identityProviders.delete(request.get("UserPoolId").asText(), request.get("ProviderName").asText());
        return Json.MAPPER.createObjectNode();
    }
}
