package io.gatehouse.engine.cognito.federation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.engine.cognito.CognitoOperation;
import io.gatehouse.engine.federation.FederatedUsers;
import io.gatehouse.engine.federation.ProviderUser;
import io.gatehouse.engine.json.Json;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** AdminLinkProviderForUser: an IdP's subject signs in as a native user from then on. */
@ApplicationScoped
public class AdminLinkProviderForUser implements CognitoOperation {

    @Inject
    FederatedUsers federatedUsers;

    @Override
    public String name() {
        return "AdminLinkProviderForUser";
    }

    @Override
    public ObjectNode handle(ObjectNode request) {
        federatedUsers.link(request.get("UserPoolId").asText(), ProviderUser.of(request.get("DestinationUser")),
                ProviderUser.of(request.get("SourceUser")));
        return Json.MAPPER.createObjectNode();
    }
}
