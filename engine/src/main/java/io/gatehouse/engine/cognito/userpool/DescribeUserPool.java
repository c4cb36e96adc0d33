package io.gatehouse.engine.cognito.userpool;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.engine.cognito.CognitoOperation;
import io.gatehouse.engine.json.Json;
import io.gatehouse.engine.userpool.UserPool;
import io.gatehouse.engine.userpool.UserPools;
import io.gatehouse.engine.users.UserStores;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** DescribeUserPool. */
@ApplicationScoped
public class DescribeUserPool implements CognitoOperation {

    @Inject
    UserPools pools;

    @Inject
    UserStores users;

    @Override
    public ObjectNode handle(ObjectNode request) {
        UserPool pool = pools.get(request.get("UserPoolId").asText());
        ObjectNode response = Json.MAPPER.createObjectNode();
        response.set("UserPool", UserPoolShapes.userPool(pool, pools.arn(pool.id()), users.estimatedCount(pool)));
        return response;
    }

    @Override
    public String name() {
        return "DescribeUserPool";
    }
}
