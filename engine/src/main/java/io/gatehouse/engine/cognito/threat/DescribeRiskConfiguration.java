package io.gatehouse.engine.cognito.threat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.engine.cognito.CognitoOperation;
import io.gatehouse.engine.threat.risk.RiskConfigurations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** DescribeRiskConfiguration: a client's own settings, else its pool's. */
@ApplicationScoped
public class DescribeRiskConfiguration implements CognitoOperation {

    @Inject
    RiskConfigurations configurations;

    @Override
    public String name() {
        return "DescribeRiskConfiguration";
    }

    @Override
    public ObjectNode handle(ObjectNode request) {
        String pool = request.get("UserPoolId").asText();
        String client = RiskShapes.text(request, "ClientId");
        return RiskShapes.response(configurations.describe(pool, client), pool, client);
    }
}
