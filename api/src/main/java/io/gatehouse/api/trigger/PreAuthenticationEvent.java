package io.gatehouse.api.trigger;

import java.util.Map;
import java.util.Objects;

/**
 * A sign-in about to be checked (PreAuthentication_Authentication): the trigger may refuse it.
 *
 * @param context the envelope
 * @param userAttributes the user's attributes
 * @param validationData the sign-in's ClientMetadata as Cognito passes it
 * @param clientMetadata the call's ClientMetadata
 * @param userNotFound true when the pool prevents user-existence errors and the user does not exist
 */
public record PreAuthenticationEvent(TriggerContext context, Map<String, String> userAttributes,
                                     Map<String, String> validationData, Map<String, String> clientMetadata,
                                     boolean userNotFound) {

    public PreAuthenticationEvent {
        Objects.requireNonNull(context, "context");
        userAttributes = Map.copyOf(userAttributes);
        validationData = Map.copyOf(validationData);
        clientMetadata = Map.copyOf(clientMetadata);
    }
}
