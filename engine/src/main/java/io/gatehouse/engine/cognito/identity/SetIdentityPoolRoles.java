package io.gatehouse.engine.cognito.identity;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.engine.identitypool.IdentityPools;
import io.gatehouse.engine.json.Json;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** SetIdentityPoolRoles: the pool's roles and role mappings, replaced. */
@ApplicationScoped
public class SetIdentityPoolRoles implements IdentityOperation {

    @Inject
    IdentityPools pools;

    @Override
    public String name() {
        return "SetIdentityPoolRoles";
    }

    @Override
    public ObjectNode handle(ObjectNode request) {
        pools.setRoles(request.get("IdentityPoolId").asText(), request.get("Roles"), request.get("RoleMappings"));
        return Json.MAPPER.createObjectNode();
    }
}
