package io.gatehouse.engine.threat.risk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.util.EnumMap;
import java.util.Map;

/**
 * What adaptive authentication does at each risk level (Cognito's {@code AccountTakeoverRiskConfigurationType}):
 * an action, and whether the user is told by e-mail, from the templates of {@code NotifyConfiguration}.
 *
 * @param actions the action per level; every level has one
 * @param notifying the levels at which the user is e-mailed
 * @param mails   the {@code NotifyConfigurationType}, or a missing node
 */
public record AccountTakeoverPolicy(Map<RiskLevel, AccountTakeoverAction> actions, Map<RiskLevel, Boolean> notifying,
                                    JsonNode mails) {

    /**
     * Gatehouse's default where neither the pool nor the client set one: let LOW and MEDIUM through, and ask a HIGH
     * sign-in for a second factor where the user has or can be given one; e-mail no one, as there are no templates.
     * A MEDIUM sign-in is typically a user on a new laptop in a new place, which a legitimate user does often, so
     * it is recorded and not acted on until a pool asks for more; HIGH takes several signals at once.
     */
    public static final AccountTakeoverPolicy DEFAULT = new AccountTakeoverPolicy(Map.of(
            RiskLevel.LOW, AccountTakeoverAction.NO_ACTION,
            RiskLevel.MEDIUM, AccountTakeoverAction.NO_ACTION,
            RiskLevel.HIGH, AccountTakeoverAction.MFA_IF_CONFIGURED),
            Map.of(RiskLevel.LOW, false, RiskLevel.MEDIUM, false, RiskLevel.HIGH, false), MissingNode.getInstance());

    public AccountTakeoverPolicy {
        actions = Map.copyOf(actions);
        notifying = Map.copyOf(notifying);
    }

    /** The action at {@code level}. */
    public AccountTakeoverAction action(RiskLevel level) {
        return actions.get(level);
    }

    /** Whether the user is e-mailed about a sign-in at {@code level}. */
    public boolean notifies(RiskLevel level) {
        return notifying.get(level);
    }

    /**
     * Reads a validated {@code AccountTakeoverRiskConfigurationType}. A level its {@code Actions} leave out takes no
     * action, as in Cognito, where an unset level is not acted on.
     */
    public static AccountTakeoverPolicy read(JsonNode node) {
        Map<RiskLevel, AccountTakeoverAction> actions = new EnumMap<>(RiskLevel.class);
        Map<RiskLevel, Boolean> notify = new EnumMap<>(RiskLevel.class);
        for (RiskLevel level : RiskLevel.values()) {
            JsonNode action = node.path("Actions").path(level.wire() + "Action");
            actions.put(level, action.isMissingNode() ? AccountTakeoverAction.NO_ACTION
                    : AccountTakeoverAction.valueOf(action.path("EventAction").asText()));
            notify.put(level, action.path("Notify").asBoolean(false));
        }
        return new AccountTakeoverPolicy(actions, notify, node.path("NotifyConfiguration"));
    }
}
