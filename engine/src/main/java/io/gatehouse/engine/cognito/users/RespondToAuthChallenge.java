package io.gatehouse.engine.cognito.users;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.engine.cognito.CognitoOperation;
import io.gatehouse.engine.cognito.threat.ReportedOrigins;
import io.gatehouse.engine.json.Json;
import io.gatehouse.engine.users.SignInService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** RespondToAuthChallenge: every challenge, each answered by its step; ClientMetadata goes to the triggers it runs. */
@ApplicationScoped
public class RespondToAuthChallenge implements CognitoOperation {

    @Inject
    SignInService signIns;

    @Inject
    ReportedOrigins reported;

    @Override
    public String name() {
        return "RespondToAuthChallenge";
    }

    @Override
    public ObjectNode handle(ObjectNode request) {
        reported.fromApp(request);
        return AuthResults.of(signIns.respond(request.get("ClientId").asText(), null,
                request.get("ChallengeName").asText(), UserShapes.text(request, "Session"),
                AuthResults.parameters(request.path("ChallengeResponses")),
                Json.stringMap(request.path("ClientMetadata"))));
    }
}
