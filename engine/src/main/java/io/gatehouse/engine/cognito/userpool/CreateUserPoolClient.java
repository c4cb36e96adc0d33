package io.gatehouse.engine.cognito.userpool;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.engine.cognito.CognitoOperation;
import io.gatehouse.engine.federation.IdentityProviders;
import io.gatehouse.engine.json.Json;
import io.gatehouse.engine.resourceservers.OAuthScopes;
import io.gatehouse.engine.userpool.UserPoolClients;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** CreateUserPoolClient, with a generated secret when GenerateSecret is true. */
@ApplicationScoped
public class CreateUserPoolClient implements CognitoOperation {

    @Inject
    UserPoolClients clients;

    @Inject
    OAuthScopes scopes;

    @Inject
    IdentityProviders identityProviders;

    @Override
    public ObjectNode handle(ObjectNode request) {
        scopes.checkClient(request.get("UserPoolId").asText(), request);
        identityProviders.checkSupported(request.get("UserPoolId").asText(), request);
        ObjectNode response = Json.MAPPER.createObjectNode();
        response.set("UserPoolClient", UserPoolShapes.client(clients.create(request)));
        return response;
    }

    @Override
    public String name() {
        return "CreateUserPoolClient";
    }
}
