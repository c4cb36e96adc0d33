package io.gatehouse.api.trigger;

import java.util.Map;
import java.util.Objects;

/**
 * An answer to a custom challenge to check (VerifyAuthChallengeResponse_Authentication).
 *
 * @param context the envelope
 * @param userAttributes the user's attributes
 * @param privateChallengeParameters what CreateAuthChallenge kept private
 * @param challengeAnswer the app's answer
 * @param clientMetadata the call's ClientMetadata
 * @param userNotFound as for DefineAuthChallenge
 */
public record VerifyAuthChallengeResponseEvent(TriggerContext context, Map<String, String> userAttributes,
                                               Map<String, String> privateChallengeParameters,
                                               String challengeAnswer, Map<String, String> clientMetadata,
                                               boolean userNotFound) {

    public VerifyAuthChallengeResponseEvent {
        Objects.requireNonNull(context, "context");
        userAttributes = Map.copyOf(userAttributes);
        privateChallengeParameters = Map.copyOf(privateChallengeParameters);
        Objects.requireNonNull(challengeAnswer, "challengeAnswer");
        clientMetadata = Map.copyOf(clientMetadata);
    }

    /** Never shows the values: they hold a password, a code or a challenge's answer. */
    @Override
    public String toString() {
        return "VerifyAuthChallengeResponseEvent";
    }
}
