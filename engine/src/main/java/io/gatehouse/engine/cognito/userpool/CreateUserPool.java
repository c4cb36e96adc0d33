package io.gatehouse.engine.cognito.userpool;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.engine.cognito.CognitoOperation;
import io.gatehouse.engine.json.Json;
import io.gatehouse.engine.trigger.LambdaConfigRules;
import io.gatehouse.engine.userpool.UserPool;
import io.gatehouse.engine.userpool.UserPools;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** CreateUserPool: a new pool with Cognito's defaults for what the request leaves out. */
@ApplicationScoped
public class CreateUserPool implements CognitoOperation {

    @Inject
    UserPools pools;

    @Inject
    LambdaConfigRules lambdaConfigRules;

    @Override
    public ObjectNode handle(ObjectNode request) {
        lambdaConfigRules.check(request.path("LambdaConfig"));
        UserPool pool = pools.create(request);
        ObjectNode response = Json.MAPPER.createObjectNode();
        response.set("UserPool", UserPoolShapes.userPool(pool, pools.arn(pool.id()), 0));
        return response;
    }

    @Override
    public String name() {
        return "CreateUserPool";
    }
}
