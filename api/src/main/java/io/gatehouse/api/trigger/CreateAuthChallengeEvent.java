package io.gatehouse.api.trigger;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A custom challenge to make (CreateAuthChallenge_Authentication).
 *
 * @param context the envelope
 * @param userAttributes the user's attributes
 * @param challengeName CUSTOM_CHALLENGE
 * @param session the steps so far
 * @param clientMetadata the call's ClientMetadata
 * @param userNotFound as for DefineAuthChallenge
 */
public record CreateAuthChallengeEvent(TriggerContext context, Map<String, String> userAttributes,
                                       String challengeName, List<ChallengeResult> session,
                                       Map<String, String> clientMetadata, boolean userNotFound) {

    public CreateAuthChallengeEvent {
        Objects.requireNonNull(context, "context");
        userAttributes = Map.copyOf(userAttributes);
        Objects.requireNonNull(challengeName, "challengeName");
        session = List.copyOf(session);
        clientMetadata = Map.copyOf(clientMetadata);
    }
}
