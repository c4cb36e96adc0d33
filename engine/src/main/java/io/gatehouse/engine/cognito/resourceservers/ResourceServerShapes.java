package io.gatehouse.engine.cognito.resourceservers;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.engine.json.Json;
import io.gatehouse.engine.resourceservers.ResourceServer;

/** Writes the resource server shapes of the service model. */
final class ResourceServerShapes {

    private ResourceServerShapes() {
    }

    /** {@code {"ResourceServer": ResourceServerType}}. */
    static ObjectNode wrapped(ResourceServer server) {
        ObjectNode response = Json.MAPPER.createObjectNode();
        response.set("ResourceServer", server(server));
        return response;
    }

    /** {@code ResourceServerType}. */
    static ObjectNode server(ResourceServer server) {
        ObjectNode out = Json.MAPPER.createObjectNode()
                .put("UserPoolId", server.userPoolId())
                .put("Identifier", server.identifier())
                .put("Name", server.name());
        ArrayNode scopes = out.putArray("Scopes");
        server.scopes().forEach(s -> scopes.addObject().put("ScopeName", s.name()).put("ScopeDescription",
                s.description()));
        return out;
    }
}
