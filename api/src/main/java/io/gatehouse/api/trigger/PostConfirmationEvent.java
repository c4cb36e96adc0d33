package io.gatehouse.api.trigger;

import java.util.Map;
import java.util.Objects;

/**
 * A user just confirmed (PostConfirmation_ConfirmSignUp, _ConfirmForgotPassword); what the trigger answers is not
 * read.
 *
 * @param context the envelope
 * @param userAttributes the user's attributes, with sub and cognito:user_status
 * @param clientMetadata the call's ClientMetadata
 */
public record PostConfirmationEvent(TriggerContext context, Map<String, String> userAttributes,
                                    Map<String, String> clientMetadata) {

    public PostConfirmationEvent {
        Objects.requireNonNull(context, "context");
        userAttributes = Map.copyOf(userAttributes);
        clientMetadata = Map.copyOf(clientMetadata);
    }
}
