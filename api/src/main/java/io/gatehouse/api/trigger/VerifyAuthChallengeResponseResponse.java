package io.gatehouse.api.trigger;


/**
 * Whether a custom challenge was answered rightly.
 *
 * @param answerCorrect the answer is right
 */
public record VerifyAuthChallengeResponseResponse(boolean answerCorrect) {
}
