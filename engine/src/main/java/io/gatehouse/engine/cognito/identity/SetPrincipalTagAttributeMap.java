package io.gatehouse.engine.cognito.identity;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.engine.identitypool.IdentityPools;
import io.gatehouse.engine.json.Json;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** SetPrincipalTagAttributeMap: which claims of a provider's tokens become principal tags. */
@ApplicationScoped
public class SetPrincipalTagAttributeMap implements IdentityOperation {

    @Inject
    IdentityPools pools;

    @Override
    public String name() {
        return "SetPrincipalTagAttributeMap";
    }

    @Override
    public ObjectNode handle(ObjectNode request) {
        String id = request.get("IdentityPoolId").asText();
        String provider = request.get("IdentityProviderName").asText();
        return IdentityPoolShapes.principalTags(id, provider, pools.setPrincipalTags(id, provider,
                request.path("UseDefaults").asBoolean(false),
                Json.stringMap(request.path("PrincipalTags"))));
    }
}
