package io.gatehouse.engine.trigger.calls;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.api.trigger.PreAuthenticationEvent;
import io.gatehouse.api.trigger.TriggerContext;
import io.gatehouse.api.trigger.TriggerException;
import io.gatehouse.api.trigger.TriggerKind;
import io.gatehouse.api.trigger.TriggerProvider;
import io.gatehouse.engine.json.Json;
import io.gatehouse.engine.trigger.TriggerCall;
import io.gatehouse.engine.trigger.TriggerJson;

/**
 * PreAuthentication: Cognito's {@code request} {userAttributes, userNotFound, validationData, clientMetadata}; its
 * {@code response} is not read (the function refuses by failing).
 */
public final class PreAuthenticationCall implements TriggerCall<PreAuthenticationEvent, Void> {

    public static final PreAuthenticationCall INSTANCE = new PreAuthenticationCall();

    private PreAuthenticationCall() {
    }

    @Override
    public TriggerKind kind() {
        return TriggerKind.PRE_AUTHENTICATION;
    }

    @Override
    public TriggerContext context(PreAuthenticationEvent event) {
        return event.context();
    }

    @Override
    public ObjectNode request(PreAuthenticationEvent event) {
        ObjectNode request = Json.MAPPER.createObjectNode();
        request.set("userAttributes", TriggerJson.object(event.userAttributes()));
        request.put("userNotFound", event.userNotFound());
        request.set("validationData", TriggerJson.object(event.validationData()));
        request.set("clientMetadata", TriggerJson.object(event.clientMetadata()));
        return request;
    }

    @Override
    public Void response(JsonNode response) {
        return null;
    }

    @Override
    public Void call(TriggerProvider provider, PreAuthenticationEvent event) throws TriggerException {
        provider.preAuthentication(event);
        return null;
    }
}
