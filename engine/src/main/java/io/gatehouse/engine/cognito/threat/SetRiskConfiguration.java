package io.gatehouse.engine.cognito.threat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.engine.cognito.CognitoOperation;
import io.gatehouse.engine.threat.risk.RiskConfigurations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * SetRiskConfiguration: a pool's or an app client's threat protection settings; only the pool id (and client id)
 * resets them.
 */
@ApplicationScoped
public class SetRiskConfiguration implements CognitoOperation {

    @Inject
    RiskConfigurations configurations;

    @Override
    public String name() {
        return "SetRiskConfiguration";
    }

    @Override
    public ObjectNode handle(ObjectNode request) {
        String pool = request.get("UserPoolId").asText();
        String client = RiskShapes.text(request, "ClientId");
        return RiskShapes.response(configurations.set(pool, client,
                RiskShapes.part(request, "CompromisedCredentialsRiskConfiguration"),
                RiskShapes.part(request, "AccountTakeoverRiskConfiguration"),
                RiskShapes.part(request, "RiskExceptionConfiguration")), pool, client);
    }
}
