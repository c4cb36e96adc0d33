package io.gatehouse.engine.cognito.users;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.engine.cognito.CognitoOperation;
import io.gatehouse.api.userstore.UserRecord;
import io.gatehouse.engine.json.Json;
import io.gatehouse.engine.mfa.MfaSettings;
import io.gatehouse.engine.userpool.UserPools;
import io.gatehouse.engine.users.UserDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** AdminGetUser: a user's profile and status, by user name or alias. */
@ApplicationScoped
public class AdminGetUser implements CognitoOperation {

    @Inject
    UserDirectory directory;

    @Inject
    UserPools pools;

    @Inject
    MfaSettings mfa;

    @Override
    public String name() {
        return "AdminGetUser";
    }

    @Override
    public ObjectNode handle(ObjectNode request) {
        String poolId = request.get("UserPoolId").asText();
        UserRecord user = directory.get(poolId, request.get("Username").asText());
        ObjectNode response = Json.MAPPER.createObjectNode().put("Username", user.username());
        response.set("UserAttributes", UserShapes.attributeList(user, null));
        mfa.describe(pools.get(poolId), user, response);
        return response.put("UserCreateDate", Json.epochSeconds(user.created()))
                .put("UserLastModifiedDate", Json.epochSeconds(user.lastModified()))
                .put("Enabled", user.enabled())
                .put("UserStatus", user.status().name());
    }
}
