package io.gatehouse.engine.cognito.userpool;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.engine.cognito.CognitoOperation;
import io.gatehouse.engine.userpool.UserPools;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** SetUserPoolMfaConfig: whether MFA is off, optional or on, and the methods the pool allows. */
@ApplicationScoped
public class SetUserPoolMfaConfig implements CognitoOperation {

    @Inject
    UserPools pools;

    @Override
    public String name() {
        return "SetUserPoolMfaConfig";
    }

    @Override
    public ObjectNode handle(ObjectNode request) {
        return pools.setMfaConfig(request).describe();
    }
}
