package io.gatehouse.engine.cognito.federation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.engine.cognito.CognitoOperation;
import io.gatehouse.engine.federation.FederatedUsers;
import io.gatehouse.engine.federation.ProviderUser;
import io.gatehouse.engine.json.Json;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** AdminDisableProviderForUser: an IdP's subject loses its link, and its federated user is disabled. */
@ApplicationScoped
public class AdminDisableProviderForUser implements CognitoOperation {

    @Inject
    FederatedUsers federatedUsers;

    @Override
    public String name() {
        return "AdminDisableProviderForUser";
    }

    @Override
    public ObjectNode handle(ObjectNode request) {
        federatedUsers.disable(request.get("UserPoolId").asText(), ProviderUser.of(request.get("User")));
        return Json.MAPPER.createObjectNode();
    }
}
