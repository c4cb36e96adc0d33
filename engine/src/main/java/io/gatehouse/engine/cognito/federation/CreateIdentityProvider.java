package io.gatehouse.engine.cognito.federation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.engine.cognito.CognitoOperation;
import io.gatehouse.engine.federation.IdentityProviders;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** CreateIdentityProvider: an IdP of a type a federation provider offers, its details checked by the type. */
@ApplicationScoped
public class CreateIdentityProvider implements CognitoOperation {

    @Inject
    IdentityProviders identityProviders;

    @Override
    public String name() {
        return "CreateIdentityProvider";
    }

    @Override
    public ObjectNode handle(ObjectNode request) {
        return IdentityProviderShapes.wrapped(identityProviders.described(identityProviders.create(
                request.get("UserPoolId").asText(), request.get("ProviderName").asText(),
                request.get("ProviderType").asText(), IdentityProviderShapes.changes(request))));
    }
}
