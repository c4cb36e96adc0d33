package io.gatehouse.api.trigger;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A code to deliver by the trigger itself (CustomEmailSender_*, CustomSMSSender_*): the trigger sends the message;
 * the code comes encrypted, never in clear.
 *
 * @param context the envelope
 * @param userAttributes the user's attributes
 * @param type customEmailSenderRequestV1 or customSMSSenderRequestV1
 * @param code the code or temporary password, encrypted for the receiver (see the README), base64; absent when the message has none
 * @param clientMetadata the call's ClientMetadata
 */
public record CustomSenderEvent(TriggerContext context, Map<String, String> userAttributes, String type,
                                Optional<String> code, Map<String, String> clientMetadata) {

    public CustomSenderEvent {
        Objects.requireNonNull(context, "context");
        userAttributes = Map.copyOf(userAttributes);
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(code, "code");
        clientMetadata = Map.copyOf(clientMetadata);
    }

    /** Never shows the values: they hold a password, a code or a challenge's answer. */
    @Override
    public String toString() {
        return "CustomSenderEvent";
    }
}
