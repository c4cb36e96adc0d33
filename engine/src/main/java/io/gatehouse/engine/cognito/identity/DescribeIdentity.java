package io.gatehouse.engine.cognito.identity;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.engine.identitypool.identity.Identities;
import io.gatehouse.engine.identitypool.identity.Identity;
import io.gatehouse.engine.json.Json;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** DescribeIdentity: an identity, the providers of its logins, when it was created and last linked. */
@ApplicationScoped
public class DescribeIdentity implements IdentityOperation {

    @Inject
    Identities identities;

    @Override
    public String name() {
        return "DescribeIdentity";
    }

    @Override
    public ObjectNode handle(ObjectNode request) {
        return shape(identities.get(request.get("IdentityId").asText()));
    }

    /** The IdentityDescription shape. */
    static ObjectNode shape(Identity identity) {
        ObjectNode out = Json.MAPPER.createObjectNode().put("IdentityId", identity.id());
        identity.logins().forEach(out.putArray("Logins")::add);
        return out.put("CreationDate", Json.epochSeconds(identity.created()))
                .put("LastModifiedDate", Json.epochSeconds(identity.modified()));
    }
}
