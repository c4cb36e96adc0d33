package io.gatehouse.engine.cognito.mfa;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.engine.cognito.CognitoOperation;
import io.gatehouse.engine.json.Json;
import io.gatehouse.engine.mfa.MfaSettings;
import io.gatehouse.engine.userpool.UserPools;
import io.gatehouse.engine.users.UserDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** AdminSetUserSettings: SetUserSettings by an administrator. */
@ApplicationScoped
public class AdminSetUserSettings implements CognitoOperation {

    @Inject
    UserPools pools;

    @Inject
    UserDirectory directory;

    @Inject
    MfaSettings mfa;

    @Override
    public String name() {
        return "AdminSetUserSettings";
    }

    @Override
    public ObjectNode handle(ObjectNode request) {
        String poolId = request.get("UserPoolId").asText();
        mfa.setOptions(pools.get(poolId), directory.get(poolId, request.get("Username").asText()),
                request.path("MFAOptions"));
        return Json.MAPPER.createObjectNode();
    }
}
