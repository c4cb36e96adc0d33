package io.gatehouse.engine.trigger.calls;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.api.trigger.PostAuthenticationEvent;
import io.gatehouse.api.trigger.TriggerContext;
import io.gatehouse.api.trigger.TriggerException;
import io.gatehouse.api.trigger.TriggerKind;
import io.gatehouse.api.trigger.TriggerProvider;
import io.gatehouse.engine.json.Json;
import io.gatehouse.engine.trigger.TriggerCall;
import io.gatehouse.engine.trigger.TriggerJson;

/**
 * PostAuthentication: Cognito's {@code request} {userAttributes, newDeviceUsed, clientMetadata}; its {@code response}
 * is not read, but its error fails the sign-in.
 */
public final class PostAuthenticationCall implements TriggerCall<PostAuthenticationEvent, Void> {

    public static final PostAuthenticationCall INSTANCE = new PostAuthenticationCall();

    private PostAuthenticationCall() {
    }

    @Override
    public TriggerKind kind() {
        return TriggerKind.POST_AUTHENTICATION;
    }

    @Override
    public TriggerContext context(PostAuthenticationEvent event) {
        return event.context();
    }

    @Override
    public ObjectNode request(PostAuthenticationEvent event) {
        ObjectNode request = Json.MAPPER.createObjectNode();
        request.set("userAttributes", TriggerJson.object(event.userAttributes()));
        request.put("newDeviceUsed", event.newDeviceUsed());
        request.set("clientMetadata", TriggerJson.object(event.clientMetadata()));
        return request;
    }

    @Override
    public Void response(JsonNode response) {
        return null;
    }

    @Override
    public Void call(TriggerProvider provider, PostAuthenticationEvent event) throws TriggerException {
        provider.postAuthentication(event);
        return null;
    }
}
