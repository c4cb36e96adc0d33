package io.gatehouse.engine.cognito.users;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.api.userstore.UserRecord;
import io.gatehouse.engine.cognito.CognitoOperation;
import io.gatehouse.engine.json.Json;
import io.gatehouse.engine.users.AdminUsers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/** AdminCreateUser: an invited user with a temporary password, who chooses their own at first sign-in. */
@ApplicationScoped
public class AdminCreateUser implements CognitoOperation {

    @Inject
    AdminUsers users;

    @Override
    public String name() {
        return "AdminCreateUser";
    }

    @Override
    public ObjectNode handle(ObjectNode request) {
        Set<String> mediums = new HashSet<>();
        request.path("DesiredDeliveryMediums").forEach(m -> mediums.add(m.asText()));
        UserRecord user = users.create(request.get("UserPoolId").asText(), request.get("Username").asText(),
                UserShapes.attributes(request.path("UserAttributes")),
                Optional.ofNullable(UserShapes.text(request, "TemporaryPassword")),
                Optional.ofNullable(UserShapes.text(request, "MessageAction")), mediums,
                UserShapes.attributes(request.path("ValidationData")),
                Json.stringMap(request.path("ClientMetadata")));
        ObjectNode response = Json.MAPPER.createObjectNode();
        response.set("User", UserShapes.user(user, null));
        return response;
    }
}
