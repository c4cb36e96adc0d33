package io.gatehouse.engine.threat.adaptive;

import io.gatehouse.engine.threat.risk.RiskLevel;

/** Cognito's {@code RiskDecision} of an auth event: what adaptive authentication concluded. */
public enum Verdict {

    /** A LOW sign-in let through. */
    NO_RISK("NoRisk"),
    /** A MEDIUM or HIGH sign-in let through, challenged or not. */
    ACCOUNT_TAKEOVER("AccountTakeover"),
    /** A sign-in refused for its risk, its address or its breached password. */
    BLOCK("Block");

    private final String wire;

    Verdict(String wire) {
        this.wire = wire;
    }

    /** The verdict on a sign-in at {@code level}, refused or not. */
    public static Verdict of(RiskLevel level, boolean blocked) {
        return blocked ? BLOCK : level == RiskLevel.LOW ? NO_RISK : ACCOUNT_TAKEOVER;
    }

    /** As Cognito writes it. */
    public String wire() {
        return wire;
    }
}
