package io.gatehouse.engine.cognito.identity;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.engine.identitypool.identity.Identities;
import io.gatehouse.engine.json.Json;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.List;

/** DeleteIdentities: deletes up to 60 identities with their logins; ids that do not exist are passed over. */
@ApplicationScoped
public class DeleteIdentities implements IdentityOperation {

    @Inject
    Identities identities;

    @Override
    public String name() {
        return "DeleteIdentities";
    }

    @Override
    public ObjectNode handle(ObjectNode request) {
        List<String> ids = new ArrayList<>();
        request.get("IdentityIdsToDelete").forEach(id -> ids.add(id.asText()));
        identities.delete(ids);
        ObjectNode response = Json.MAPPER.createObjectNode();
        response.putArray("UnprocessedIdentityIds");
        return response;
    }
}
