package io.gatehouse.engine.threat.adaptive;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

/**
 * The user's sign-ins came from many networks within a short time (weight 1): one person is rarely in three
 * places in an hour, while a password shared or sold is tried from wherever its holders are.
 */
public final class ManyNetworks implements RiskSignal {

    /** How far back the networks are counted. */
    public static final Duration WINDOW = Duration.ofHours(1);

    /** How many distinct networks, this attempt's included, fire the signal. */
    public static final int THRESHOLD = 3;

    @Override
    public String name() {
        return "ManyNetworks";
    }

    @Override
    public int weight() {
        return 1;
    }

    @Override
    public boolean fires(SignInAttempt attempt, SignInHistory history) {
        Set<String> networks = new HashSet<>();
        networks.add(attempt.network());
        long since = attempt.at() - WINDOW.toMillis();
        history.recent().stream().filter(e -> e.at() >= since).forEach(e -> networks.add(e.network()));
        return networks.size() >= THRESHOLD;
    }
}
