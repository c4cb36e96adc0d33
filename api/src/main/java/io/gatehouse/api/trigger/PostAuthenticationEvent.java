package io.gatehouse.api.trigger;

import java.util.Map;
import java.util.Objects;

/**
 * A sign-in that succeeded (PostAuthentication_Authentication), before tokens are issued; what the trigger answers
 * is not read, but its error fails the sign-in.
 *
 * @param context the envelope
 * @param userAttributes the user's attributes
 * @param clientMetadata the call's ClientMetadata
 * @param newDeviceUsed whether the sign-in came from a device the user had not remembered
 */
public record PostAuthenticationEvent(TriggerContext context, Map<String, String> userAttributes,
                                      Map<String, String> clientMetadata, boolean newDeviceUsed) {

    public PostAuthenticationEvent {
        Objects.requireNonNull(context, "context");
        userAttributes = Map.copyOf(userAttributes);
        clientMetadata = Map.copyOf(clientMetadata);
    }
}
