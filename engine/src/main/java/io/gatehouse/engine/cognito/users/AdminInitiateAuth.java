package io.gatehouse.engine.cognito.users;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.engine.cognito.CognitoOperation;
import io.gatehouse.engine.users.SignInService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** AdminInitiateAuth: ADMIN_USER_PASSWORD_AUTH, for servers holding the admin credential. */
@ApplicationScoped
public class AdminInitiateAuth implements CognitoOperation {

    @Inject
    SignInService signIns;

    @Override
    public String name() {
        return "AdminInitiateAuth";
    }

    @Override
    public ObjectNode handle(ObjectNode request) {
        return AuthResults.of(signIns.initiate(request.get("ClientId").asText(),
                request.get("UserPoolId").asText(), request.get("AuthFlow").asText(),
                AuthResults.parameters(request.path("AuthParameters"))));
    }
}
