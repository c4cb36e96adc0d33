package io.gatehouse.api.trigger;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A message about to be sent with a code or a temporary password (CustomMessage_SignUp, _AdminCreateUser,
 * _ResendCode, _ForgotPassword, _UpdateUserAttribute, _VerifyUserAttribute, _Authentication): the trigger may
 * write it.
 *
 * @param context the envelope
 * @param userAttributes the user's attributes
 * @param codeParameter the placeholder the message must hold where the code goes, {@code {####}}
 * @param usernameParameter for an invitation (AdminCreateUser), the placeholder of the user name, {@code {username}}
 * @param clientMetadata the call's ClientMetadata
 */
public record CustomMessageEvent(TriggerContext context, Map<String, String> userAttributes, String codeParameter,
                                 Optional<String> usernameParameter, Map<String, String> clientMetadata) {

    public CustomMessageEvent {
        Objects.requireNonNull(context, "context");
        userAttributes = Map.copyOf(userAttributes);
        Objects.requireNonNull(codeParameter, "codeParameter");
        Objects.requireNonNull(usernameParameter, "usernameParameter");
        clientMetadata = Map.copyOf(clientMetadata);
    }
}
