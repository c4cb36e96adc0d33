package io.gatehouse.engine.trigger.calls;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.api.trigger.CustomMessageEvent;
import io.gatehouse.api.trigger.CustomMessageResponse;
import io.gatehouse.api.trigger.TriggerContext;
import io.gatehouse.api.trigger.TriggerException;
import io.gatehouse.api.trigger.TriggerKind;
import io.gatehouse.api.trigger.TriggerProvider;
import io.gatehouse.engine.json.Json;
import io.gatehouse.engine.trigger.TriggerCall;
import io.gatehouse.engine.trigger.TriggerFailure;
import io.gatehouse.engine.trigger.TriggerJson;

/**
 * CustomMessage: Cognito's {@code request} {userAttributes, codeParameter, linkParameter, usernameParameter,
 * clientMetadata} ({@code linkParameter} is null: Gatehouse sends codes, not links; {@code usernameParameter} is
 * null but for invitations); {@code response} {smsMessage, emailMessage, emailSubject}, each absent or null to keep
 * the pool's. Whether a message holds its placeholders is for the sender to check: it knows which message it sends.
 */
public final class CustomMessageCall implements TriggerCall<CustomMessageEvent, CustomMessageResponse> {

    public static final CustomMessageCall INSTANCE = new CustomMessageCall();

    private CustomMessageCall() {
    }

    @Override
    public TriggerKind kind() {
        return TriggerKind.CUSTOM_MESSAGE;
    }

    @Override
    public TriggerContext context(CustomMessageEvent event) {
        return event.context();
    }

    @Override
    public ObjectNode request(CustomMessageEvent event) {
        ObjectNode request = Json.MAPPER.createObjectNode();
        request.set("userAttributes", TriggerJson.object(event.userAttributes()));
        request.put("codeParameter", event.codeParameter());
        request.putNull("linkParameter");
        if (event.usernameParameter().isPresent()) {
            request.put("usernameParameter", event.usernameParameter().get());
        } else {
            request.putNull("usernameParameter");
        }
        request.set("clientMetadata", TriggerJson.object(event.clientMetadata()));
        return request;
    }

    @Override
    public CustomMessageResponse response(JsonNode response) throws TriggerFailure {
        return new CustomMessageResponse(TriggerJson.text(response, "smsMessage"),
                TriggerJson.text(response, "emailMessage"), TriggerJson.text(response, "emailSubject"));
    }

    @Override
    public CustomMessageResponse call(TriggerProvider provider, CustomMessageEvent event) throws TriggerException {
        return provider.customMessage(event);
    }
}
