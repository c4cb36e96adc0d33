package io.gatehouse.api.trigger;

import java.util.Map;
import java.util.Objects;

/**
 * A sign-up about to happen (PreSignUp_SignUp, _AdminCreateUser, _ExternalProvider): the trigger may refuse it, or
 * confirm the user and verify their address or phone at once.
 *
 * @param context the envelope
 * @param userAttributes the attributes the user is to have
 * @param validationData the caller's ValidationData (SignUp) or ValidationData of AdminCreateUser
 * @param clientMetadata the call's ClientMetadata
 */
public record PreSignUpEvent(TriggerContext context, Map<String, String> userAttributes,
                             Map<String, String> validationData, Map<String, String> clientMetadata) {

    public PreSignUpEvent {
        Objects.requireNonNull(context, "context");
        userAttributes = Map.copyOf(userAttributes);
        validationData = Map.copyOf(validationData);
        clientMetadata = Map.copyOf(clientMetadata);
    }
}
