package io.gatehouse.engine.trigger.calls;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.api.trigger.TriggerContext;
import io.gatehouse.api.trigger.TriggerException;
import io.gatehouse.api.trigger.TriggerKind;
import io.gatehouse.api.trigger.TriggerProvider;
import io.gatehouse.api.trigger.VerifyAuthChallengeResponseEvent;
import io.gatehouse.api.trigger.VerifyAuthChallengeResponseResponse;
import io.gatehouse.engine.json.Json;
import io.gatehouse.engine.trigger.TriggerCall;
import io.gatehouse.engine.trigger.TriggerFailure;
import io.gatehouse.engine.trigger.TriggerJson;

/**
 * VerifyAuthChallengeResponse: Cognito's {@code request} {userAttributes, privateChallengeParameters,
 * challengeAnswer, clientMetadata, userNotFound}; {@code response} {answerCorrect}.
 */
public final class VerifyAuthChallengeResponseCall
        implements TriggerCall<VerifyAuthChallengeResponseEvent, VerifyAuthChallengeResponseResponse> {

    public static final VerifyAuthChallengeResponseCall INSTANCE = new VerifyAuthChallengeResponseCall();

    private VerifyAuthChallengeResponseCall() {
    }

    @Override
    public TriggerKind kind() {
        return TriggerKind.VERIFY_AUTH_CHALLENGE_RESPONSE;
    }

    @Override
    public TriggerContext context(VerifyAuthChallengeResponseEvent event) {
        return event.context();
    }

    @Override
    public ObjectNode request(VerifyAuthChallengeResponseEvent event) {
        ObjectNode request = Json.MAPPER.createObjectNode();
        request.set("userAttributes", TriggerJson.object(event.userAttributes()));
        request.set("privateChallengeParameters", TriggerJson.object(event.privateChallengeParameters()));
        request.put("challengeAnswer", event.challengeAnswer());
        DefineAuthChallengeCall.clientMetadata(request, event.clientMetadata());
        request.put("userNotFound", event.userNotFound());
        return request;
    }

    @Override
    public VerifyAuthChallengeResponseResponse response(JsonNode response) throws TriggerFailure {
        return new VerifyAuthChallengeResponseResponse(TriggerJson.bool(response, "answerCorrect"));
    }

    @Override
    public VerifyAuthChallengeResponseResponse call(TriggerProvider provider, VerifyAuthChallengeResponseEvent event)
            throws TriggerException {
        return provider.verifyAuthChallengeResponse(event);
    }
}
