package io.gatehouse.engine.trigger.calls;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.api.trigger.CreateAuthChallengeEvent;
import io.gatehouse.api.trigger.CreateAuthChallengeResponse;
import io.gatehouse.api.trigger.TriggerContext;
import io.gatehouse.api.trigger.TriggerException;
import io.gatehouse.api.trigger.TriggerKind;
import io.gatehouse.api.trigger.TriggerProvider;
import io.gatehouse.engine.json.Json;
import io.gatehouse.engine.trigger.TriggerCall;
import io.gatehouse.engine.trigger.TriggerFailure;
import io.gatehouse.engine.trigger.TriggerJson;

/**
 * CreateAuthChallenge: Cognito's {@code request} {userAttributes, challengeName, session, clientMetadata,
 * userNotFound}; {@code response} {publicChallengeParameters, privateChallengeParameters, challengeMetadata}, string
 * maps and a string.
 */
public final class CreateAuthChallengeCall implements TriggerCall<CreateAuthChallengeEvent, CreateAuthChallengeResponse> {

    public static final CreateAuthChallengeCall INSTANCE = new CreateAuthChallengeCall();

    private CreateAuthChallengeCall() {
    }

    @Override
    public TriggerKind kind() {
        return TriggerKind.CREATE_AUTH_CHALLENGE;
    }

    @Override
    public TriggerContext context(CreateAuthChallengeEvent event) {
        return event.context();
    }

    @Override
    public ObjectNode request(CreateAuthChallengeEvent event) {
        ObjectNode request = Json.MAPPER.createObjectNode();
        request.set("userAttributes", TriggerJson.object(event.userAttributes()));
        request.put("challengeName", event.challengeName());
        request.set("session", DefineAuthChallengeCall.session(event.session()));
        DefineAuthChallengeCall.clientMetadata(request, event.clientMetadata());
        request.put("userNotFound", event.userNotFound());
        return request;
    }

    @Override
    public CreateAuthChallengeResponse response(JsonNode response) throws TriggerFailure {
        return new CreateAuthChallengeResponse(TriggerJson.stringMap(response, "publicChallengeParameters"),
                TriggerJson.stringMap(response, "privateChallengeParameters"),
                TriggerJson.text(response, "challengeMetadata"));
    }

    @Override
    public CreateAuthChallengeResponse call(TriggerProvider provider, CreateAuthChallengeEvent event)
            throws TriggerException {
        return provider.createAuthChallenge(event);
    }
}
