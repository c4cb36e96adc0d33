package io.gatehouse.engine.cognito.identity;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.engine.identitypool.IdentityPools;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** CreateIdentityPool: a pool, with the sign-ins it accepts and its tags. */
@ApplicationScoped
public class CreateIdentityPool implements IdentityOperation {

    @Inject
    IdentityPools pools;

    @Override
    public String name() {
        return "CreateIdentityPool";
    }

    @Override
    public ObjectNode handle(ObjectNode request) {
        return IdentityPoolShapes.pool(pools.create(request));
    }
}
