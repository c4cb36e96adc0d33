package io.gatehouse.engine.cognito.threat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.engine.cognito.CognitoOperation;
import io.gatehouse.engine.json.Json;
import io.gatehouse.engine.threat.adaptive.AuthEventFeedback;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * UpdateAuthEventFeedback: the user says whether an auth event was theirs, with the FeedbackToken of the notice
 * e-mail (unsigned, as in Cognito: the token is the proof).
 */
@ApplicationScoped
public class UpdateAuthEventFeedback implements CognitoOperation {

    @Inject
    AuthEventFeedback feedback;

    @Override
    public String name() {
        return "UpdateAuthEventFeedback";
    }

    @Override
    public ObjectNode handle(ObjectNode request) {
        feedback.byUser(request.get("UserPoolId").asText(), request.get("Username").asText(),
                request.get("EventId").asText(), request.get("FeedbackToken").asText(),
                request.get("FeedbackValue").asText());
        return Json.MAPPER.createObjectNode();
    }
}
