package io.gatehouse.engine.threat.adaptive;

import java.time.Duration;

/**
 * Many failed sign-ins from the attempt's address lately, whoever's accounts they were for (weight 2): the mark of
 * password guessing and credential stuffing, of which a correct password is then likely one of the finds.
 * Brute-force limits refuse such addresses outright past their own thresholds; this only raises the risk of what
 * still gets through.
 */
public final class FailuresFromAddress implements RiskSignal {

    /** How far back failures are counted. */
    public static final Duration WINDOW = Duration.ofMinutes(15);

    /** How many failures in the window make an address suspect. */
    public static final int THRESHOLD = 5;

    @Override
    public String name() {
        return "FailuresFromAddress";
    }

    @Override
    public int weight() {
        return 2;
    }

    @Override
    public boolean fires(SignInAttempt attempt, SignInHistory history) {
        return history.failuresFromAddress() >= THRESHOLD;
    }
}
