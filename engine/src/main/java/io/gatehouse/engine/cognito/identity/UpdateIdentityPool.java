package io.gatehouse.engine.cognito.identity;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.engine.identitypool.IdentityPools;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** UpdateIdentityPool: the request replaces the pool's configuration (see IdentityPools#update). */
@ApplicationScoped
public class UpdateIdentityPool implements IdentityOperation {

    @Inject
    IdentityPools pools;

    @Override
    public String name() {
        return "UpdateIdentityPool";
    }

    @Override
    public ObjectNode handle(ObjectNode request) {
        return IdentityPoolShapes.pool(pools.update(request));
    }
}
