package io.gatehouse.engine.users;

import io.gatehouse.engine.auth.AuthStep;

/**
 * One challenge of a sign-in, found by its Cognito name ({@code ChallengeName}) when RespondToAuthChallenge or
 * AdminRespondToAuthChallenge brings an answer: it checks the answer against what the session recorded and moves
 * the sign-in on, to tokens or to the next challenge ({@link SignInChain} decides which). Each step is a CDI bean
 * of its own, with the transaction its work needs; {@link ChallengeSteps} finds them.
 */
public interface ChallengeStep {

    /** The challenge this step answers, as Cognito names it ({@code PASSWORD_VERIFIER}, {@code SMS_MFA}, ...). */
    String name();

    /**
     * Checks an answer and returns where the sign-in goes next.
     *
     * @throws io.gatehouse.engine.error.ServiceException Cognito's error for a wrong, late or malformed answer
     */
    AuthStep answer(ChallengeAnswer answer);
}
