package io.gatehouse.engine.cognito.identity;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.engine.identitypool.IdentityPools;
import io.gatehouse.engine.identitypool.identity.Identities;
import io.gatehouse.engine.identitypool.identity.Identity;
import io.gatehouse.engine.json.Json;
import io.gatehouse.engine.userpool.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Optional;

/**
 * ListIdentities: a page of an identity pool's identities; with {@code HideDisabled}, not those disabled by the
 * unlinking of their last login.
 */
@ApplicationScoped
public class ListIdentities implements IdentityOperation {

    @Inject
    IdentityPools pools;

    @Inject
    Identities identities;

    @Override
    public String name() {
        return "ListIdentities";
    }

    @Override
    public ObjectNode handle(ObjectNode request) {
        String poolId = pools.get(request.get("IdentityPoolId").asText()).id();
        Page<Identity> page = identities.list(poolId, request.get("MaxResults").asInt(),
                Optional.ofNullable(request.path("NextToken").textValue()),
                request.path("HideDisabled").asBoolean(false));
        ObjectNode response = Json.MAPPER.createObjectNode().put("IdentityPoolId", poolId);
        ArrayNode list = response.putArray("Identities");
        page.items().forEach(i -> list.add(DescribeIdentity.shape(i)));
        page.nextToken().ifPresent(t -> response.put("NextToken", t));
        return response;
    }
}
