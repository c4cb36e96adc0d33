package io.gatehouse.engine.trigger.calls;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.api.trigger.PreSignUpEvent;
import io.gatehouse.api.trigger.PreSignUpResponse;
import io.gatehouse.api.trigger.TriggerContext;
import io.gatehouse.api.trigger.TriggerException;
import io.gatehouse.api.trigger.TriggerKind;
import io.gatehouse.api.trigger.TriggerProvider;
import io.gatehouse.engine.json.Json;
import io.gatehouse.engine.trigger.TriggerCall;
import io.gatehouse.engine.trigger.TriggerFailure;
import io.gatehouse.engine.trigger.TriggerJson;

/** PreSignUp: Cognito's {@code request} {userAttributes, validationData, clientMetadata}; {@code response} flags. */
public final class PreSignUpCall implements TriggerCall<PreSignUpEvent, PreSignUpResponse> {

    public static final PreSignUpCall INSTANCE = new PreSignUpCall();

    private PreSignUpCall() {
    }

    @Override
    public TriggerKind kind() {
        return TriggerKind.PRE_SIGN_UP;
    }

    @Override
    public TriggerContext context(PreSignUpEvent event) {
        return event.context();
    }

    @Override
    public ObjectNode request(PreSignUpEvent event) {
        ObjectNode request = Json.MAPPER.createObjectNode();
        request.set("userAttributes", TriggerJson.object(event.userAttributes()));
        request.set("validationData", TriggerJson.object(event.validationData()));
        request.set("clientMetadata", TriggerJson.object(event.clientMetadata()));
        return request;
    }

    @Override
    public PreSignUpResponse response(JsonNode response) throws TriggerFailure {
        return new PreSignUpResponse(TriggerJson.bool(response, "autoConfirmUser"),
                TriggerJson.bool(response, "autoVerifyEmail"), TriggerJson.bool(response, "autoVerifyPhone"));
    }

    @Override
    public PreSignUpResponse call(TriggerProvider provider, PreSignUpEvent event) throws TriggerException {
        return provider.preSignUp(event);
    }
}
