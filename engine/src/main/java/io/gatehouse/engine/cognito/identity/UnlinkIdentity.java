package io.gatehouse.engine.cognito.identity;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.engine.identitypool.IdentityPool;
import io.gatehouse.engine.identitypool.identity.Identities;
import io.gatehouse.engine.identitypool.identity.Identity;
import io.gatehouse.engine.json.Json;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.List;

/**
 * UnlinkIdentity (unsigned): a user who proves an identity with its logins removes some providers' links from it.
 * Rate-limited as GetId is, since anyone may call it.
 */
@ApplicationScoped
public class UnlinkIdentity implements IdentityOperation {

    @Inject
    UnsignedCalls calls;

    @Inject
    Identities identities;

    @Override
    public String name() {
        return "UnlinkIdentity";
    }

    @Override
    public ObjectNode handle(ObjectNode request) {
        Identity identity = identities.get(request.get("IdentityId").asText());
        IdentityPool pool = calls.admitted(identity.identityPoolId());
        List<String> remove = new ArrayList<>();
        request.get("LoginsToRemove").forEach(p -> remove.add(p.asText()));
        identities.unlink(pool, identity, calls.logins(pool, request), remove);
        return Json.MAPPER.createObjectNode();
    }
}
