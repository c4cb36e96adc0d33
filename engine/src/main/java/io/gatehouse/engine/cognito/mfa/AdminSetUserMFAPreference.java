package io.gatehouse.engine.cognito.mfa;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.engine.cognito.CognitoOperation;
import io.gatehouse.engine.json.Json;
import io.gatehouse.engine.mfa.MfaSettings;
import io.gatehouse.engine.userpool.UserPools;
import io.gatehouse.engine.users.UserDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** AdminSetUserMFAPreference: an administrator sets a user's second factors (turning off a lost device's, say). */
@ApplicationScoped
public class AdminSetUserMFAPreference implements CognitoOperation {

    @Inject
    UserPools pools;

    @Inject
    UserDirectory directory;

    @Inject
    MfaSettings mfa;

    @Override
    public String name() {
        return "AdminSetUserMFAPreference";
    }

    @Override
    public ObjectNode handle(ObjectNode request) {
        String poolId = request.get("UserPoolId").asText();
        mfa.setPreference(pools.get(poolId), directory.get(poolId, request.get("Username").asText()), request);
        return Json.MAPPER.createObjectNode();
    }
}
