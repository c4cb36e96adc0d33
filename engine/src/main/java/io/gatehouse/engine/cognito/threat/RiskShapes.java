package io.gatehouse.engine.cognito.threat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.engine.json.Json;
import io.gatehouse.engine.threat.risk.RiskConfiguration;

import java.time.Instant;
import java.util.Optional;

/** Reads and writes {@code RiskConfigurationType}. */
final class RiskShapes {

    private RiskShapes() {
    }

    static String text(JsonNode request, String member) {
        return request.hasNonNull(member) ? request.get(member).asText() : null;
    }

    static Optional<ObjectNode> part(JsonNode request, String member) {
        JsonNode part = request.get(member);
        return part instanceof ObjectNode object ? Optional.of(object.deepCopy()) : Optional.empty();
    }

    /**
     * {@code {"RiskConfiguration": ...}}: the stored configuration, or for a scope with none only the pool's id
     * (and the client's, when one was asked about), as Cognito answers.
     */
    static ObjectNode response(Optional<RiskConfiguration> configuration, String userPoolId, String clientId) {
        ObjectNode out = Json.MAPPER.createObjectNode();
        ObjectNode risk = out.putObject("RiskConfiguration").put("UserPoolId", userPoolId);
        if (configuration.isEmpty()) {
            if (clientId != null) {
                risk.put("ClientId", clientId);
            }
            return out;
        }
        RiskConfiguration c = configuration.get();
        risk.put("ClientId", c.clientId());
        c.compromised().ifPresent(p -> risk.set("CompromisedCredentialsRiskConfiguration", p));
        c.accountTakeover().ifPresent(p -> risk.set("AccountTakeoverRiskConfiguration", p));
        c.riskExceptions().ifPresent(p -> risk.set("RiskExceptionConfiguration", p));
        risk.put("LastModifiedDate", Json.epochSeconds(Instant.ofEpochMilli(c.modifiedAt())));
        return out;
    }
}
