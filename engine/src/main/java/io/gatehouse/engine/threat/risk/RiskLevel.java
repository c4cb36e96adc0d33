package io.gatehouse.engine.threat.risk;

/**
 * How likely a sign-in is to be someone else's, as Cognito's {@code RiskLevelType} names the levels. Adaptive
 * authentication adds up the weights of the signals that fire (see {@code threat.adaptive.RiskScoring}): under 2 is
 * LOW, under 4 MEDIUM, 4 and more HIGH.
 */
public enum RiskLevel {
    LOW("Low"), MEDIUM("Medium"), HIGH("High");

    /** The score from which a sign-in is MEDIUM. */
    public static final int MEDIUM_FROM = 2;

    /** The score from which a sign-in is HIGH. */
    public static final int HIGH_FROM = 4;

    private final String wire;

    RiskLevel(String wire) {
        this.wire = wire;
    }

    /** The level of a sign-in whose fired signals weigh {@code score} together. */
    public static RiskLevel of(int score) {
        return score >= HIGH_FROM ? HIGH : score >= MEDIUM_FROM ? MEDIUM : LOW;
    }

    /** The level as Cognito writes it ({@code Low}, {@code Medium}, {@code High}). */
    public String wire() {
        return wire;
    }

    /** The level Cognito's name stands for. */
    public static RiskLevel ofWire(String wire) {
        for (RiskLevel level : values()) {
            if (level.wire.equals(wire)) {
                return level;
            }
        }
        throw new IllegalArgumentException("not a risk level: " + wire);
    }
}
