package io.gatehouse.engine.cognito.threat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.engine.cognito.CognitoOperation;
import io.gatehouse.engine.json.Json;
import io.gatehouse.engine.threat.adaptive.AuthEventFeedback;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** AdminUpdateAuthEventFeedback: an administrator says whether an auth event was the user's. */
@ApplicationScoped
public class AdminUpdateAuthEventFeedback implements CognitoOperation {

    @Inject
    AuthEventFeedback feedback;

    @Override
    public String name() {
        return "AdminUpdateAuthEventFeedback";
    }

    @Override
    public ObjectNode handle(ObjectNode request) {
        feedback.byAdmin(request.get("UserPoolId").asText(), request.get("Username").asText(),
                request.get("EventId").asText(), request.get("FeedbackValue").asText());
        return Json.MAPPER.createObjectNode();
    }
}
