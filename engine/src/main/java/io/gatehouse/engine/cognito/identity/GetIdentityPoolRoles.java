package io.gatehouse.engine.cognito.identity;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.engine.identitypool.IdentityPoolRoles;
import io.gatehouse.engine.identitypool.IdentityPools;
import io.gatehouse.engine.json.Json;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** GetIdentityPoolRoles. */
@ApplicationScoped
public class GetIdentityPoolRoles implements IdentityOperation {

    @Inject
    IdentityPools pools;

    @Override
    public String name() {
        return "GetIdentityPoolRoles";
    }

    @Override
    public ObjectNode handle(ObjectNode request) {
        String id = request.get("IdentityPoolId").asText();
        IdentityPoolRoles roles = pools.roles(id);
        ObjectNode response = Json.MAPPER.createObjectNode().put("IdentityPoolId", id);
        response.set("Roles", Json.object(roles.roles()));
        if (!roles.roleMappings().isEmpty()) {
            response.set("RoleMappings", IdentityPoolRoles.writeMappings(roles.roleMappings()));
        }
        return response;
    }
}
