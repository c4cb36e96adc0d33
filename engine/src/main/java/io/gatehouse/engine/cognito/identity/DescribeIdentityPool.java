package io.gatehouse.engine.cognito.identity;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.engine.identitypool.IdentityPools;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** DescribeIdentityPool. */
@ApplicationScoped
public class DescribeIdentityPool implements IdentityOperation {

    @Inject
    IdentityPools pools;

    @Override
    public String name() {
        return "DescribeIdentityPool";
    }

    @Override
    public ObjectNode handle(ObjectNode request) {
        return IdentityPoolShapes.pool(pools.get(request.get("IdentityPoolId").asText()));
    }
}
