package io.gatehouse.engine.cognito.domains;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.engine.cognito.CognitoOperation;
import io.gatehouse.engine.config.GatehouseConfig;
import io.gatehouse.engine.domains.Domains;
import io.gatehouse.engine.json.Json;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** DescribeUserPoolDomain: as in Cognito, an unknown domain is an empty description, not an error. */
@ApplicationScoped
public class DescribeUserPoolDomain implements CognitoOperation {

    @Inject
    Domains domains;

    @Inject
    GatehouseConfig config;

    @Override
    public String name() {
        return "DescribeUserPoolDomain";
    }

    @Override
    public ObjectNode handle(ObjectNode request) {
        ObjectNode response = Json.MAPPER.createObjectNode();
        ObjectNode description = domains.find(request.get("Domain").asText())
                .map(d -> DomainShapes.description(d, config.accountId(), domains.hostName(d)))
                .orElseGet(Json.MAPPER::createObjectNode);
        response.set("DomainDescription", description);
        return response;
    }
}
