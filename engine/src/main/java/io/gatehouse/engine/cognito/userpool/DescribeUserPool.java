package io.gatehouse.engine.cognito.userpool;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.engine.cognito.CognitoOperation;
import io.gatehouse.engine.domains.Domains;
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

    @Inject
    Domains domains;

    @Override
    public ObjectNode handle(ObjectNode request) {
        UserPool pool = pools.get(request.get("UserPoolId").asText());
        ObjectNode response = Json.MAPPER.createObjectNode();
        ObjectNode described = UserPoolShapes.userPool(pool, pools.arn(pool.id()), users.estimatedCount(pool));
        domains.ofPool(pool.id()).forEach(d -> described.put(d.custom() ? "CustomDomain" : "Domain", d.domain()));
        response.set("UserPool", described);
        return response;
    }

    @Override
    public String name() {
        return "DescribeUserPool";
    }
}
