package io.gatehouse.engine.cognito.federation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.engine.cognito.CognitoOperation;
import io.gatehouse.engine.federation.IdentityProviders;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** GetIdentityProviderByIdentifier: the IdP an identifier names, regardless of case. */
@ApplicationScoped
public class GetIdentityProviderByIdentifier implements CognitoOperation {

    @Inject
    IdentityProviders identityProviders;

    @Override
    public String name() {
        return "GetIdentityProviderByIdentifier";
    }

    @Override
    public ObjectNode handle(ObjectNode request) {
        return IdentityProviderShapes.wrapped(identityProviders.described(identityProviders.getByIdentifier(
                request.get("UserPoolId").asText(), request.get("IdpIdentifier").asText())));
    }
}
