package io.gatehouse.engine.cognito.threat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.engine.json.Json;
import io.gatehouse.engine.threat.adaptive.AdaptiveAuthentication;
import io.gatehouse.engine.threat.adaptive.AuthEvent;

import java.time.Instant;
import java.util.List;

/**
 * Auth events as Cognito's {@code AuthEventType} shapes them, with one member of Gatehouse's own:
 * {@code EventRisk.Signals}, the signals that fired and what changed the action ({@code BlockedRange},
 * {@code SkippedRange}, {@code Audit}, {@code NoSecondFactor}). The SDKs skip a member their model lacks; the raw
 * JSON and the CLI show it.
 */
final class AuthEventShapes {

    private AuthEventShapes() {
    }

    static ObjectNode event(AuthEvent event) {
        ObjectNode out = Json.MAPPER.createObjectNode()
                .put("EventId", event.id())
                .put("EventType", event.eventType())
                .put("CreationDate", Json.epochSeconds(Instant.ofEpochMilli(event.createdAt())))
                .put("EventResponse", event.response());
        ObjectNode risk = out.putObject("EventRisk")
                .put("RiskDecision", event.riskDecision())
                .put("RiskLevel", event.riskLevel())
                .put("CompromisedCredentialsDetected",
                        list(event.signals()).contains(AdaptiveAuthentication.COMPROMISED));
        ArrayNode signals = risk.putArray("Signals");
        for (String signal : list(event.signals())) {
            signals.add(signal);
        }
        ArrayNode challenges = out.putArray("ChallengeResponses");
        for (String challenge : list(event.challenges())) {
            int colon = challenge.indexOf(':');
            challenges.addObject().put("ChallengeName", challenge.substring(0, colon))
                    .put("ChallengeResponse", challenge.substring(colon + 1));
        }
        out.putObject("EventContextData")
                .put("IpAddress", event.ipAddress())
                .put("DeviceName", event.deviceName());
        if (event.feedbackValue() != null) {
            out.putObject("EventFeedback")
                    .put("FeedbackValue", event.feedbackValue())
                    .put("Provider", event.feedbackProvider())
                    .put("FeedbackDate", Json.epochSeconds(Instant.ofEpochMilli(event.feedbackAt())));
        }
        return out;
    }

    private static List<String> list(String joined) {
        return joined.isEmpty() ? List.of() : List.of(joined.split(","));
    }
}
