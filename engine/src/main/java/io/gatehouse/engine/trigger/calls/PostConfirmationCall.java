package io.gatehouse.engine.trigger.calls;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.api.trigger.PostConfirmationEvent;
import io.gatehouse.api.trigger.TriggerContext;
import io.gatehouse.api.trigger.TriggerException;
import io.gatehouse.api.trigger.TriggerKind;
import io.gatehouse.api.trigger.TriggerProvider;
import io.gatehouse.engine.json.Json;
import io.gatehouse.engine.trigger.TriggerCall;
import io.gatehouse.engine.trigger.TriggerJson;

/** PostConfirmation: Cognito's {@code request} {userAttributes, clientMetadata}; its {@code response} is not read. */
public final class PostConfirmationCall implements TriggerCall<PostConfirmationEvent, Void> {

    public static final PostConfirmationCall INSTANCE = new PostConfirmationCall();

    private PostConfirmationCall() {
    }

    @Override
    public TriggerKind kind() {
        return TriggerKind.POST_CONFIRMATION;
    }

    @Override
    public TriggerContext context(PostConfirmationEvent event) {
        return event.context();
    }

    @Override
    public ObjectNode request(PostConfirmationEvent event) {
        ObjectNode request = Json.MAPPER.createObjectNode();
        request.set("userAttributes", TriggerJson.object(event.userAttributes()));
        request.set("clientMetadata", TriggerJson.object(event.clientMetadata()));
        return request;
    }

    @Override
    public Void response(JsonNode response) {
        return null;
    }

    @Override
    public Void call(TriggerProvider provider, PostConfirmationEvent event) throws TriggerException {
        provider.postConfirmation(event);
        return null;
    }
}
