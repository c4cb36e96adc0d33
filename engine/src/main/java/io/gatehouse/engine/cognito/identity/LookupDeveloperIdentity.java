package io.gatehouse.engine.cognito.identity;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.engine.cognito.PageLimits;
import io.gatehouse.engine.identitypool.IdentityPools;
import io.gatehouse.engine.identitypool.identity.DeveloperIdentities;
import io.gatehouse.engine.json.Json;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Optional;

/**
 * LookupDeveloperIdentity: the identity of a developer user, or the developer users of an identity (a page of
 * them), or, given both, a check that they belong together.
 */
@ApplicationScoped
public class LookupDeveloperIdentity implements IdentityOperation {

    @Inject
    IdentityPools pools;

    @Inject
    DeveloperIdentities developers;

    @Override
    public String name() {
        return "LookupDeveloperIdentity";
    }

    @Override
    public ObjectNode handle(ObjectNode request) {
        DeveloperIdentities.Lookup found = developers.lookup(pools.get(request.get("IdentityPoolId").asText()),
                Optional.ofNullable(request.path("IdentityId").textValue()),
                Optional.ofNullable(request.path("DeveloperUserIdentifier").textValue()),
                PageLimits.of(request, "MaxResults"), Optional.ofNullable(request.path("NextToken").textValue()));
        ObjectNode response = Json.MAPPER.createObjectNode().put("IdentityId", found.identityId());
        found.developerUserIds().forEach(response.putArray("DeveloperUserIdentifierList")::add);
        found.nextToken().ifPresent(t -> response.put("NextToken", t));
        return response;
    }
}
