package io.gatehouse.engine.cognito.federation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.engine.cognito.CognitoOperation;
import io.gatehouse.engine.federation.IdentityProviders;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** DescribeIdentityProvider: the IdP, without the details its type does not show. */
@ApplicationScoped
public class DescribeIdentityProvider implements CognitoOperation {

    @Inject
    IdentityProviders identityProviders;

    @Override
    public String name() {
        return "DescribeIdentityProvider";
    }

    @Override
    public ObjectNode handle(ObjectNode request) {
        return IdentityProviderShapes.wrapped(identityProviders.described(identityProviders.get(
                request.get("UserPoolId").asText(), request.get("ProviderName").asText())));
    }
}
