package io.gatehouse.engine.cognito.federation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.engine.cognito.CognitoOperation;
import io.gatehouse.engine.federation.IdentityProviders;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** UpdateIdentityProvider: details merged over the stored ones; a mapping or identifiers given replace the stored ones. */
@ApplicationScoped
public class UpdateIdentityProvider implements CognitoOperation {

    @Inject
    IdentityProviders identityProviders;

    @Override
    public String name() {
        return "UpdateIdentityProvider";
    }

    @Override
    public ObjectNode handle(ObjectNode request) {
        return IdentityProviderShapes.wrapped(identityProviders.described(identityProviders.update(
                request.get("UserPoolId").asText(), request.get("ProviderName").asText(),
                IdentityProviderShapes.changes(request))));
    }
}
