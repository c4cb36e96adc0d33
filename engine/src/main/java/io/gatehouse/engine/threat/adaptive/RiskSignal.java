package io.gatehouse.engine.threat.adaptive;

/**
 * One thing about a sign-in that makes it likelier to be someone else's. Each signal has a weight; the weights of
 * those that fire add up to the sign-in's score ({@link RiskScoring}).
 */
public interface RiskSignal {

    /** The signal's name, as the auth event lists it ({@code NewDevice}, ...). */
    String name();

    /** How much it adds to the score when it fires. */
    int weight();

    /** Whether it fires for {@code attempt}, given what came before. */
    boolean fires(SignInAttempt attempt, SignInHistory history);
}
