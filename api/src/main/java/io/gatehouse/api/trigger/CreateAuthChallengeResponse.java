package io.gatehouse.api.trigger;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A custom challenge: what the app sees, what only VerifyAuthChallengeResponse sees, and a label for the step.
 *
 * @param publicChallengeParameters sent to the app as ChallengeParameters
 * @param privateChallengeParameters kept on the server for the check (the right answer); never sent
 * @param challengeMetadata a label kept with the step
 */
public record CreateAuthChallengeResponse(Map<String, String> publicChallengeParameters,
                                          Map<String, String> privateChallengeParameters,
                                          Optional<String> challengeMetadata) {

    public CreateAuthChallengeResponse {
        publicChallengeParameters = Map.copyOf(publicChallengeParameters);
        privateChallengeParameters = Map.copyOf(privateChallengeParameters);
        Objects.requireNonNull(challengeMetadata, "challengeMetadata");
    }

    /** Never shows the values: they hold a password, a code or a challenge's answer. */
    @Override
    public String toString() {
        return "CreateAuthChallengeResponse";
    }
}
