package io.gatehouse.engine.cognito.users;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.engine.cognito.CognitoOperation;
import io.gatehouse.api.userstore.UserRecord;
import io.gatehouse.engine.json.Json;
import io.gatehouse.engine.users.SignInService;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** GetUser: the profile of the user whose access token this is. */
@ApplicationScoped
public class GetUser implements CognitoOperation {

    @Inject
    SignInService signIns;

    @Override
    public String name() {
        return "GetUser";
    }

    @Override
    public ObjectNode handle(ObjectNode request) {
        UserRecord user = signIns.caller(request.get("AccessToken").asText()).user();
        ObjectNode response = Json.MAPPER.createObjectNode().put("Username", user.username());
        response.set("UserAttributes", UserShapes.attributeList(user, null));
        return response;
    }
}
