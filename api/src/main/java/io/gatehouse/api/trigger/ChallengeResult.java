package io.gatehouse.api.trigger;

import java.util.Objects;
import java.util.Optional;

/**
 * One step of a custom sign-in so far, as DefineAuthChallenge and CreateAuthChallenge see it.
 *
 * @param challengeName CUSTOM_CHALLENGE, PASSWORD_VERIFIER, SRP_A, ...
 * @param challengeResult whether the user answered it rightly
 * @param challengeMetadata what CreateAuthChallenge attached to it
 */
public record ChallengeResult(String challengeName, boolean challengeResult, Optional<String> challengeMetadata) {

    public ChallengeResult {
        Objects.requireNonNull(challengeName, "challengeName");
        Objects.requireNonNull(challengeMetadata, "challengeMetadata");
    }
}
