package io.gatehouse.engine.threat.adaptive;

import io.gatehouse.engine.threat.risk.RiskLevel;

import java.util.List;

/**
 * Scores a sign-in: the weights of the signals that fire are added, and the sum is a level ({@link RiskLevel#of}:
 * under 2 LOW, under 4 MEDIUM, else HIGH). So one signal alone is LOW, except failures from the address or a
 * disowned network (MEDIUM); a new device from a new network is MEDIUM; HIGH takes a new device and network from
 * an address that has been failing, or from a network the user disowned.
 */
public final class RiskScoring {

    /** Every signal, in the order the events list them. */
    public static final List<RiskSignal> SIGNALS = List.of(new NewDevice(), new NewNetwork(), new ManyNetworks(),
            new FailuresFromAddress(), new DisownedNetwork());

    private RiskScoring() {
    }

    /** A sign-in's level and the signals behind it. */
    public record Score(RiskLevel level, List<String> signals) {
        public Score {
            signals = List.copyOf(signals);
        }
    }

    /** Scores {@code attempt} against {@code history}. */
    public static Score score(SignInAttempt attempt, SignInHistory history) {
        int sum = 0;
        List<String> fired = new java.util.ArrayList<>();
        for (RiskSignal signal : SIGNALS) {
            if (signal.fires(attempt, history)) {
                sum += signal.weight();
                fired.add(signal.name());
            }
        }
        return new Score(RiskLevel.of(sum), fired);
    }
}
