package io.gatehouse.engine.trigger.calls;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.api.trigger.TriggerContext;
import io.gatehouse.api.trigger.TriggerException;
import io.gatehouse.api.trigger.TriggerKind;
import io.gatehouse.api.trigger.TriggerProvider;
import io.gatehouse.api.trigger.UserMigrationEvent;
import io.gatehouse.api.trigger.UserMigrationResponse;
import io.gatehouse.engine.json.Json;
import io.gatehouse.engine.trigger.TriggerCall;
import io.gatehouse.engine.trigger.TriggerFailure;
import io.gatehouse.engine.trigger.TriggerJson;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * UserMigration: Cognito's {@code request} {password (Authentication only), validationData, clientMetadata};
 * {@code response} {userAttributes, finalUserStatus, messageAction, desiredDeliveryMediums, forceAliasCreation,
 * enableSMSMFA}, each checked: a status, action or medium Cognito does not know is an unreadable answer.
 */
public final class UserMigrationCall implements TriggerCall<UserMigrationEvent, UserMigrationResponse> {

    public static final UserMigrationCall INSTANCE = new UserMigrationCall();

    private static final Set<String> STATUSES = Set.of("CONFIRMED", "RESET_REQUIRED");
    private static final Set<String> ACTIONS = Set.of("SUPPRESS", "RESEND");
    private static final Set<String> MEDIUMS = Set.of("EMAIL", "SMS");

    private UserMigrationCall() {
    }

    @Override
    public TriggerKind kind() {
        return TriggerKind.USER_MIGRATION;
    }

    @Override
    public TriggerContext context(UserMigrationEvent event) {
        return event.context();
    }

    @Override
    public ObjectNode request(UserMigrationEvent event) {
        ObjectNode request = Json.MAPPER.createObjectNode();
        event.password().ifPresent(password -> request.put("password", password));
        request.set("validationData", TriggerJson.object(event.validationData()));
        request.set("clientMetadata", TriggerJson.object(event.clientMetadata()));
        return request;
    }

    @Override
    public UserMigrationResponse response(JsonNode response) throws TriggerFailure {
        Optional<String> status = TriggerJson.text(response, "finalUserStatus");
        if (status.isPresent() && !STATUSES.contains(status.get())) {
            throw TriggerJson.invalid("finalUserStatus must be CONFIRMED or RESET_REQUIRED");
        }
        Optional<String> action = TriggerJson.text(response, "messageAction");
        if (action.isPresent() && !ACTIONS.contains(action.get())) {
            throw TriggerJson.invalid("messageAction must be SUPPRESS or RESEND");
        }
        List<String> mediums = TriggerJson.stringList(response, "desiredDeliveryMediums");
        if (!MEDIUMS.containsAll(mediums)) {
            throw TriggerJson.invalid("desiredDeliveryMediums may hold EMAIL and SMS only");
        }
        return new UserMigrationResponse(TriggerJson.stringMap(response, "userAttributes"), status, action, mediums,
                TriggerJson.bool(response, "forceAliasCreation"), TriggerJson.bool(response, "enableSMSMFA"));
    }

    @Override
    public UserMigrationResponse call(TriggerProvider provider, UserMigrationEvent event) throws TriggerException {
        return provider.userMigration(event);
    }
}
