package io.gatehouse.engine.trigger.calls;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.api.trigger.CustomSenderEvent;
import io.gatehouse.api.trigger.TriggerContext;
import io.gatehouse.api.trigger.TriggerException;
import io.gatehouse.api.trigger.TriggerKind;
import io.gatehouse.api.trigger.TriggerProvider;
import io.gatehouse.engine.json.Json;
import io.gatehouse.engine.trigger.TriggerCall;
import io.gatehouse.engine.trigger.TriggerJson;

/**
 * CustomEmailSender and CustomSMSSender: Cognito's {@code request} {type, code, clientMetadata, userAttributes},
 * {@code code} encrypted (null when the message has none); the function sends the message, and its answer is not
 * read.
 */
public final class CustomSenderCall implements TriggerCall<CustomSenderEvent, Void> {

    public static final CustomSenderCall EMAIL = new CustomSenderCall(TriggerKind.CUSTOM_EMAIL_SENDER);
    public static final CustomSenderCall SMS = new CustomSenderCall(TriggerKind.CUSTOM_SMS_SENDER);

    /** The {@code type} of an e-mail sender's request. */
    public static final String EMAIL_TYPE = "customEmailSenderRequestV1";
    /** The {@code type} of an SMS sender's request. */
    public static final String SMS_TYPE = "customSMSSenderRequestV1";

    private final TriggerKind kind;

    private CustomSenderCall(TriggerKind kind) {
        this.kind = kind;
    }

    @Override
    public TriggerKind kind() {
        return kind;
    }

    /** The request {@code type} of this sender. */
    public String type() {
        return kind == TriggerKind.CUSTOM_EMAIL_SENDER ? EMAIL_TYPE : SMS_TYPE;
    }

    @Override
    public TriggerContext context(CustomSenderEvent event) {
        return event.context();
    }

    @Override
    public ObjectNode request(CustomSenderEvent event) {
        ObjectNode request = Json.MAPPER.createObjectNode();
        request.put("type", event.type());
        if (event.code().isPresent()) {
            request.put("code", event.code().get());
        } else {
            request.putNull("code");
        }
        request.set("clientMetadata", TriggerJson.object(event.clientMetadata()));
        request.set("userAttributes", TriggerJson.object(event.userAttributes()));
        return request;
    }

    @Override
    public Void response(JsonNode response) {
        return null;
    }

    @Override
    public Void call(TriggerProvider provider, CustomSenderEvent event) throws TriggerException {
        if (kind == TriggerKind.CUSTOM_EMAIL_SENDER) {
            provider.customEmailSender(event);
        } else {
            provider.customSmsSender(event);
        }
        return null;
    }
}
