package io.gatehouse.engine.cognito.users;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.engine.cognito.CognitoOperation;
import io.gatehouse.engine.users.SignInService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** InitiateAuth: USER_PASSWORD_AUTH today; other flows answer InvalidParameterException. */
@ApplicationScoped
public class InitiateAuth implements CognitoOperation {

    @Inject
    SignInService signIns;

    @Override
    public String name() {
        return "InitiateAuth";
    }

    @Override
    public ObjectNode handle(ObjectNode request) {
        return AuthResults.of(signIns.initiate(request.get("ClientId").asText(), null,
                request.get("AuthFlow").asText(), AuthResults.parameters(request.path("AuthParameters"))));
    }
}
