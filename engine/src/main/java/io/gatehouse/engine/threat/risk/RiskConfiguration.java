package io.gatehouse.engine.threat.risk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.engine.json.Json;

import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * One stored risk configuration, a pool's ({@code clientId} {@link RiskConfigurations#ALL_CLIENTS}) or an app
 * client's, each part as the service model shapes it and empty where it was not set.
 *
 * @param userPoolId      the pool
 * @param clientId        the client, or {@link RiskConfigurations#ALL_CLIENTS}
 * @param compromised     {@code CompromisedCredentialsRiskConfigurationType}
 * @param accountTakeover {@code AccountTakeoverRiskConfigurationType}
 * @param riskExceptions  {@code RiskExceptionConfigurationType}, a pool's only
 * @param modifiedAt      when it was set, epoch milliseconds
 */
public record RiskConfiguration(String userPoolId, String clientId, Optional<ObjectNode> compromised,
                                Optional<ObjectNode> accountTakeover, Optional<ObjectNode> riskExceptions,
                                long modifiedAt) {

    /** The compromised-credentials policy this configuration sets, if it sets one. */
    public Optional<CompromisedCredentialsPolicy> compromisedPolicy() {
        return compromised.map(CompromisedCredentialsPolicy::read);
    }

    /** The address lists this configuration sets, if it sets them. */
    public Optional<RiskExceptions> exceptions() {
        return riskExceptions.map(RiskExceptions::read);
    }

    static RiskConfiguration read(String userPoolId, String clientId, String compromised, String accountTakeover,
                                  String riskExceptions, long modifiedAt) {
        return new RiskConfiguration(userPoolId, clientId, object(compromised), object(accountTakeover),
                object(riskExceptions), modifiedAt);
    }

    static String text(Optional<ObjectNode> part) {
        return part.map(JsonNode::toString).orElse(null);
    }

    private static Optional<ObjectNode> object(String json) {
        if (json == null) {
            return Optional.empty();
        }
        try {
            return Optional.of((ObjectNode) Json.MAPPER.readTree(json));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("a stored risk configuration is not JSON", e);
        }
    }
}
