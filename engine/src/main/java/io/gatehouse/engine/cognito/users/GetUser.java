package io.gatehouse.engine.cognito.users;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.engine.cognito.CognitoOperation;
import io.gatehouse.api.userstore.UserRecord;
import io.gatehouse.engine.json.Json;
import io.gatehouse.engine.mfa.MfaSettings;
import io.gatehouse.engine.userpool.UserPoolClients;
import io.gatehouse.engine.users.SignInService;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** GetUser: the profile of the user whose access token this is. */
@ApplicationScoped
public class GetUser implements CognitoOperation {

    @Inject
    SignInService signIns;

    @Inject
    UserPoolClients clients;

    @Inject
    MfaSettings mfa;

    @Override
    public String name() {
        return "GetUser";
    }

    @Override
    public ObjectNode handle(ObjectNode request) {
        SignInService.Caller caller = signIns.caller(request.get("AccessToken").asText());
        UserRecord user = caller.user();
        ObjectNode response = Json.MAPPER.createObjectNode().put("Username", user.username());
        // The app client's ReadAttributes limit what its users see of themselves, as in the ID token.
        response.set("UserAttributes", UserShapes.attributeList(user,
                clients.byClientId(caller.clientId()).readAttributes().orElse(null)));
        mfa.describe(caller.pool(), user, response);
        return response;
    }
}
