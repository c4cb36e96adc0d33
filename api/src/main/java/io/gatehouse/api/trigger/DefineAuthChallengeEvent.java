package io.gatehouse.api.trigger;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A custom sign-in (CUSTOM_AUTH) deciding its next step (DefineAuthChallenge_Authentication).
 *
 * @param context the envelope
 * @param userAttributes the user's attributes
 * @param session the steps so far
 * @param clientMetadata the call's ClientMetadata
 * @param userNotFound true when the pool prevents user-existence errors and the user does not exist
 */
public record DefineAuthChallengeEvent(TriggerContext context, Map<String, String> userAttributes,
                                       List<ChallengeResult> session, Map<String, String> clientMetadata,
                                       boolean userNotFound) {

    public DefineAuthChallengeEvent {
        Objects.requireNonNull(context, "context");
        userAttributes = Map.copyOf(userAttributes);
        session = List.copyOf(session);
        clientMetadata = Map.copyOf(clientMetadata);
    }
}
