package io.gatehouse.engine.cognito.userpool;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.engine.cognito.CognitoOperation;
import io.gatehouse.engine.json.Json;
import io.gatehouse.engine.trigger.LambdaConfigRules;
import io.gatehouse.engine.userpool.UserPools;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** UpdateUserPool: as in Cognito, updatable settings the request leaves out return to their defaults. */
@ApplicationScoped
public class UpdateUserPool implements CognitoOperation {

    @Inject
    UserPools pools;

    @Inject
    LambdaConfigRules lambdaConfigRules;

    @Override
    public ObjectNode handle(ObjectNode request) {
        lambdaConfigRules.check(request.path("LambdaConfig"));
        pools.update(request);
        return Json.MAPPER.createObjectNode();
    }

    @Override
    public String name() {
        return "UpdateUserPool";
    }
}
