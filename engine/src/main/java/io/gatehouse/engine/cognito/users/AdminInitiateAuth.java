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
 * AdminInitiateAuth: ADMIN_USER_PASSWORD_AUTH, SRP and refresh, for servers holding the admin credential.
 * USER_PASSWORD_AUTH is InitiateAuth's, as in Cognito.
 */
@ApplicationScoped
public class AdminInitiateAuth implements CognitoOperation {

    private static final Set<String> APP_ONLY_FLOWS = Set.of("USER_PASSWORD_AUTH");

    @Inject
    SignInService signIns;

    @Inject
    ReportedOrigins reported;

    @Override
    public String name() {
        return "AdminInitiateAuth";
    }

    @Override
    public ObjectNode handle(ObjectNode request) {
        reported.fromAdmin(request);
        return AuthResults.of(signIns.initiate(request.get("ClientId").asText(),
                request.get("UserPoolId").asText(), AuthResults.flowOf(request, APP_ONLY_FLOWS),
                AuthResults.parameters(request.path("AuthParameters")),
                Json.stringMap(request.path("ClientMetadata"))));
    }
}
