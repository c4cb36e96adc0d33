package io.gatehouse.engine.cognito.identity;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.engine.identitypool.IdentityPools;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** GetPrincipalTagAttributeMap: a provider's principal tag map. */
@ApplicationScoped
public class GetPrincipalTagAttributeMap implements IdentityOperation {

    @Inject
    IdentityPools pools;

    @Override
    public String name() {
        return "GetPrincipalTagAttributeMap";
    }

    @Override
    public ObjectNode handle(ObjectNode request) {
        String id = request.get("IdentityPoolId").asText();
        String provider = request.get("IdentityProviderName").asText();
        return IdentityPoolShapes.principalTags(id, provider, pools.principalTags(id, provider));
    }
}
