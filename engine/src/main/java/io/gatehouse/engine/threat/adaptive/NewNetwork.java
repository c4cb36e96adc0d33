package io.gatehouse.engine.threat.adaptive;

/**
 * An address outside every network the user has signed in from (weight 1): account takeovers come from somewhere
 * else, while a user's own addresses change mostly within their provider's network (a /24 of IPv4, a /48 of IPv6),
 * so a new address in a known network does not fire. Never on a first sign-in.
 */
public final class NewNetwork implements RiskSignal {

    @Override
    public String name() {
        return "NewNetwork";
    }

    @Override
    public int weight() {
        return 1;
    }

    @Override
    public boolean fires(SignInAttempt attempt, SignInHistory history) {
        return history.hasTrusted() && history.settled().stream()
                .noneMatch(e -> e.trusted() && e.network().equals(attempt.network()));
    }
}
