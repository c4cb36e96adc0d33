package io.gatehouse.engine.cognito.identity;

import io.gatehouse.engine.cognito.CognitoOperation;
import io.gatehouse.engine.cognito.CognitoProtocol;

/** An operation of the identity-pool API: {@code X-Amz-Target: AWSCognitoIdentityService.<name>}. */
public interface IdentityOperation extends CognitoOperation {

    @Override
    default String targetPrefix() {
        return CognitoProtocol.IDENTITY_POOLS_TARGET;
    }
}
