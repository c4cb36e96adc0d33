package io.gatehouse.engine.threat.risk;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Optional;

/**
 * The risk settings in force for one app client's sign-ins: the pool's mode, the client's own configuration or
 * else the pool's, and the pool's address lists.
 *
 * @param mode            the pool's threat protection mode
 * @param compromised     what to do with breached passwords ({@link CompromisedCredentialsPolicy#DEFAULT} where
 *                        neither client nor pool set it)
 * @param accountTakeover the account-takeover configuration set, if any (adaptive authentication's defaults apply
 *                        otherwise)
 * @param exceptions      the pool's blocked and skipped ranges
 */
public record EffectiveRisk(ThreatProtectionMode mode, CompromisedCredentialsPolicy compromised,
                            Optional<ObjectNode> accountTakeover, RiskExceptions exceptions) {

    /** What adaptive authentication does at each level: the configuration set, else Gatehouse's default. */
    public AccountTakeoverPolicy accountTakeoverPolicy() {
        return accountTakeover.map(AccountTakeoverPolicy::read).orElse(AccountTakeoverPolicy.DEFAULT);
    }

    /** Whether a breached password at {@code event} is refused: looked for, and the mode and policy block. */
    public boolean blocksCompromised(CredentialEvent event) {
        return mode.acts() && compromised.blocks(event);
    }

    /** Whether a password is looked up among breached ones at {@code event} (to block it or only record it). */
    public boolean checksCompromised(CredentialEvent event) {
        return mode.evaluates() && compromised.checks(event);
    }
}
