package io.gatehouse.engine.trigger.calls;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.api.trigger.ChallengeResult;
import io.gatehouse.api.trigger.DefineAuthChallengeEvent;
import io.gatehouse.api.trigger.DefineAuthChallengeResponse;
import io.gatehouse.api.trigger.TriggerContext;
import io.gatehouse.api.trigger.TriggerException;
import io.gatehouse.api.trigger.TriggerKind;
import io.gatehouse.api.trigger.TriggerProvider;
import io.gatehouse.engine.json.Json;
import io.gatehouse.engine.trigger.TriggerCall;
import io.gatehouse.engine.trigger.TriggerFailure;
import io.gatehouse.engine.trigger.TriggerJson;

import java.util.List;
import java.util.Map;

/**
 * DefineAuthChallenge: Cognito's {@code request} {userAttributes, session, clientMetadata, userNotFound};
 * {@code response} {challengeName, issueTokens, failAuthentication}.
 */
public final class DefineAuthChallengeCall implements TriggerCall<DefineAuthChallengeEvent, DefineAuthChallengeResponse> {

    public static final DefineAuthChallengeCall INSTANCE = new DefineAuthChallengeCall();

    private DefineAuthChallengeCall() {
    }

    @Override
    public TriggerKind kind() {
        return TriggerKind.DEFINE_AUTH_CHALLENGE;
    }

    @Override
    public TriggerContext context(DefineAuthChallengeEvent event) {
        return event.context();
    }

    @Override
    public ObjectNode request(DefineAuthChallengeEvent event) {
        ObjectNode request = Json.MAPPER.createObjectNode();
        request.set("userAttributes", TriggerJson.object(event.userAttributes()));
        request.set("session", session(event.session()));
        clientMetadata(request, event.clientMetadata());
        request.put("userNotFound", event.userNotFound());
        return request;
    }

    @Override
    public DefineAuthChallengeResponse response(JsonNode response) throws TriggerFailure {
        return new DefineAuthChallengeResponse(TriggerJson.text(response, "challengeName"),
                TriggerJson.bool(response, "issueTokens"), TriggerJson.bool(response, "failAuthentication"));
    }

    @Override
    public DefineAuthChallengeResponse call(TriggerProvider provider, DefineAuthChallengeEvent event)
            throws TriggerException {
        return provider.defineAuthChallenge(event);
    }

    /**
     * A custom sign-in's steps so far as Cognito writes them: {@code [{challengeName, challengeResult,
     * challengeMetadata}]}, with {@code challengeMetadata} null where CreateAuthChallenge gave none.
     */
    static ArrayNode session(List<ChallengeResult> session) {
        ArrayNode steps = Json.MAPPER.createArrayNode();
        for (ChallengeResult result : session) {
            ObjectNode step = steps.addObject();
            step.put("challengeName", result.challengeName());
            step.put("challengeResult", result.challengeResult());
            step.put("challengeMetadata", result.challengeMetadata().orElse(null));
        }
        return steps;
    }

    /**
     * {@code clientMetadata}, only when the call carried some: Cognito leaves the member out otherwise (and sends
     * none of InitiateAuth's to the challenge triggers).
     */
    static void clientMetadata(ObjectNode request, Map<String, String> clientMetadata) {
        if (!clientMetadata.isEmpty()) {
            request.set("clientMetadata", TriggerJson.object(clientMetadata));
        }
    }
}
