package io.gatehouse.engine.cognito.userpool;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.engine.cognito.CognitoOperation;
import io.gatehouse.engine.userpool.PoolMfa;
import io.gatehouse.engine.userpool.UserPools;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** GetUserPoolMfaConfig. */
@ApplicationScoped
public class GetUserPoolMfaConfig implements CognitoOperation {

    @Inject
    UserPools pools;

    @Override
    public String name() {
        return "GetUserPoolMfaConfig";
    }

    @Override
    public ObjectNode handle(ObjectNode request) {
        return PoolMfa.of(pools.get(request.get("UserPoolId").asText()).settings()).describe();
    }
}
