package io.gatehouse.engine.cognito.federation;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.engine.cognito.CognitoOperation;
import io.gatehouse.engine.cognito.PageLimits;
import io.gatehouse.engine.federation.IdentityProviders;
import io.gatehouse.engine.federation.IdentityProviders.PoolIdentityProvider;
import io.gatehouse.engine.json.Json;
import io.gatehouse.engine.userpool.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Optional;

/** ListIdentityProviders: a page of the pool's IdPs, by name. */
@ApplicationScoped
public class ListIdentityProviders implements CognitoOperation {

    @Inject
    IdentityProviders identityProviders;

    @Override
    public String name() {
        return "ListIdentityProviders";
    }

    @Override
    public ObjectNode handle(ObjectNode request) {
        Page<PoolIdentityProvider> page = identityProviders.list(request.get("UserPoolId").asText(),
                PageLimits.of(request, "MaxResults"), Optional.ofNullable(request.path("NextToken").textValue()));
        ObjectNode response = Json.MAPPER.createObjectNode();
        ArrayNode providers = response.putArray("Providers");
        page.items().forEach(p -> providers.add(IdentityProviderShapes.description(p)));
        page.nextToken().ifPresent(t -> response.put("NextToken", t));
        return response;
    }
}
