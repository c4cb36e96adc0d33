package io.gatehouse.engine.cognito.users;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.engine.cognito.CognitoOperation;
import io.gatehouse.engine.cognito.threat.ReportedOrigins;
import io.gatehouse.engine.json.Json;
import io.gatehouse.engine.users.SignInService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Set;

/**
 * InitiateAuth: the flows of apps (passwords, SRP, refresh). The admin password flows answer
 * InvalidParameterException here: they are AdminInitiateAuth's, behind the admin credential.
 */
@ApplicationScoped
public class InitiateAuth implements CognitoOperation {

    private static final Set<String> ADMIN_FLOWS = Set.of("ADMIN_USER_PASSWORD_AUTH", "ADMIN_NO_SRP_AUTH");

    @Inject
    SignInService signIns;

    @Inject
    ReportedOrigins reported;

    @Override
    public String name() {
        return "InitiateAuth";
    }

    @Override
    public ObjectNode handle(ObjectNode request) {
        reported.fromApp(request);
        return AuthResults.of(signIns.initiate(request.get("ClientId").asText(), null,
                AuthResults.flowOf(request, ADMIN_FLOWS), AuthResults.parameters(request.path("AuthParameters")),
                Json.stringMap(request.path("ClientMetadata"))));
    }
}
