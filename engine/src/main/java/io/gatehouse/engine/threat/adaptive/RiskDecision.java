package io.gatehouse.engine.threat.adaptive;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.gatehouse.engine.threat.risk.AccountTakeoverAction;
import io.gatehouse.engine.threat.risk.RiskLevel;

import java.util.List;

/**
 * What adaptive authentication made of a sign-in whose password was right: its level, why, and what to do.
 *
 * @param userPoolId the pool
 * @param sub        the user
 * @param username   the user's name, for the notice e-mail
 * @param attempt    the sign-in
 * @param level      its risk level
 * @param signals    the signals that fired, then what changed the action: {@code BlockedRange},
 *                   {@code SkippedRange}, {@code Audit} (the pool only records)
 * @param action     what to do
 * @param decision   Cognito's RiskDecision: {@code Block} when refused, {@code AccountTakeover} at MEDIUM and
 *                   HIGH, else {@code NoRisk}
 * @param notifies   whether the user is to be e-mailed about it
 * @param recorded   whether it is recorded (false where the pool turned threat protection off)
 * @param mails      the policy's {@code NotifyConfigurationType}, or a missing node
 */
public record RiskDecision(String userPoolId, String sub, String username, SignInAttempt attempt, RiskLevel level,
                           List<String> signals, AccountTakeoverAction action, String decision, boolean notifies,
                           boolean recorded, JsonNode mails) {

    /** Nothing assessed: the pool's threat protection is off. */
    public static final RiskDecision NONE = new RiskDecision("", "", "", null, RiskLevel.LOW, List.of(),
            AccountTakeoverAction.NO_ACTION, "NoRisk", false, false, MissingNode.getInstance());

    public RiskDecision {
        signals = List.copyOf(signals);
    }

    /** Whether the sign-in must pass a second factor because of its risk. */
    public boolean wantsMfa() {
        return action.wantsMfa();
    }

    /** Whether a sign-in whose user has no second factor is refused. */
    public boolean mfaRequired() {
        return action == AccountTakeoverAction.MFA_REQUIRED;
    }
}
