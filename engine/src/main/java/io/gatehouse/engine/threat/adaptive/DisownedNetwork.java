package io.gatehouse.engine.threat.adaptive;

/**
 * The attempt comes from a network a sign-in came from that the user or an administrator said was not the user's
 * (feedback Invalid; weight 2): whoever was there is likely back.
 */
public final class DisownedNetwork implements RiskSignal {

    @Override
    public String name() {
        return "DisownedNetwork";
    }

    @Override
    public int weight() {
        return 2;
    }

    @Override
    public boolean fires(SignInAttempt attempt, SignInHistory history) {
        return history.settled().stream().anyMatch(e -> e.disowned() && e.network().equals(attempt.network()));
    }
}
