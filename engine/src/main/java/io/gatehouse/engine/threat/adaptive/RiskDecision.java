package io.gatehouse.engine.threat.adaptive;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.gatehouse.engine.threat.risk.AccountTakeoverAction;
import io.gatehouse.engine.threat.risk.RiskLevel;
import io.gatehouse.engine.userpool.UserPool;
import io.gatehouse.api.userstore.UserRecord;

import java.util.ArrayList;
import java.util.List;

/**
 * What adaptive authentication made of a sign-in: its level, why, and what to do.
 *
 * @param userPoolId the pool
 * @param sub        the user
 * @param username   the user's name, for the notice e-mail
 * @param attempt    the sign-in
 * @param level      its risk level
 * @param signals    the signals that fired, then what changed the action: {@code BlockedRange},
 *                   {@code SkippedRange}, {@code Audit} (the pool only records)
 * @param action     what to do
 * @param verdict    Cognito's RiskDecision
 * @param notifies   whether the user is to be e-mailed about it
 * @param recorded   whether it is recorded (false where the pool turned threat protection off)
 * @param mails      the policy's {@code NotifyConfigurationType}, or a missing node
 */
public record RiskDecision(String userPoolId, String sub, String username, SignInAttempt attempt, RiskLevel level,
                           List<String> signals, AccountTakeoverAction action, Verdict verdict, boolean notifies,
                           boolean recorded, JsonNode mails) {

    /** Nothing assessed: the pool's threat protection is off. */
    public static final RiskDecision NONE = new RiskDecision("", "", "", null, RiskLevel.LOW, List.of(),
            AccountTakeoverAction.NO_ACTION, Verdict.NO_RISK, false, false, MissingNode.getInstance());

    public RiskDecision {
        signals = List.copyOf(signals);
    }

    /**
     * A recorded decision on {@code user}'s sign-in: the verdict follows from the level and whether the action
     * blocks.
     */
    static RiskDecision of(UserPool pool, UserRecord user, SignInAttempt attempt, RiskLevel level,
                           List<String> signals, AccountTakeoverAction action, boolean notifies, JsonNode mails) {
        return new RiskDecision(pool.id(), user.sub(), user.username(), attempt, level, signals, action,
                Verdict.of(level, action == AccountTakeoverAction.BLOCK), notifies, true, mails);
    }

    /** This decision turned into a refusal, with {@code signal} saying why. */
    RiskDecision blocked(String signal) {
        List<String> more = new ArrayList<>(signals);
        more.add(signal);
        return new RiskDecision(userPoolId, sub, username, attempt, level, more, AccountTakeoverAction.BLOCK,
                Verdict.BLOCK, notifies, recorded, mails);
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
