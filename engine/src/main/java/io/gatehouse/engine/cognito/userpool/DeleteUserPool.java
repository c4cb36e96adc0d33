package io.gatehouse.engine.cognito.userpool;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.engine.cognito.CognitoOperation;
import io.gatehouse.engine.json.Json;
import io.gatehouse.engine.userpool.UserPools;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** DeleteUserPool: the pool and its clients, unless deletion protection is on. */
@ApplicationScoped
public class DeleteUserPool implements CognitoOperation {

    @Inject
    UserPools pools;

    @Override
    public ObjectNode handle(ObjectNode request) {
        pools.delete(request.get("UserPoolId").asText());
        return Json.MAPPER.createObjectNode();
    }

    @Override
    public String name() {
        return "DeleteUserPool";
    }
}
