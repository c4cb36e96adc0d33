package io.gatehouse.engine.threat.risk;

import io.gatehouse.engine.userpool.UserPool;

/**
 * How far a pool's threat protection goes, from its {@code UserPoolAddOns.AdvancedSecurityMode}: ENFORCED checks,
 * records and acts; AUDIT checks and records but never refuses or challenges; OFF does neither. Brute-force limits
 * are not part of it: they always hold.
 *
 * <p>A pool that never set the add-on is ENFORCED. Cognito's default is OFF, as it sells the feature separately;
 * Gatehouse's protections are on from the start, and a pool that wants Cognito's default says OFF.
 */
public enum ThreatProtectionMode {
    OFF, AUDIT, ENFORCED;

    /** The pool's mode. */
    public static ThreatProtectionMode of(UserPool pool) {
        String mode = pool.settings().path("UserPoolAddOns").path("AdvancedSecurityMode").asText("");
        return switch (mode) {
            case "OFF" -> OFF;
            case "AUDIT" -> AUDIT;
            default -> ENFORCED;
        };
    }

    /** Whether risks are looked for and recorded. */
    public boolean evaluates() {
        return this != OFF;
    }

    /** Whether what is found changes the outcome (a block, a challenge). */
    public boolean acts() {
        return this == ENFORCED;
    }
}
