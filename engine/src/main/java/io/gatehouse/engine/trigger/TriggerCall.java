package io.gatehouse.engine.trigger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.api.trigger.TriggerContext;
import io.gatehouse.api.trigger.TriggerException;
import io.gatehouse.api.trigger.TriggerKind;
import io.gatehouse.api.trigger.TriggerProvider;

/**
 * One trigger, as every runtime calls it: its event as Cognito's JSON {@code request} for Lambda and webhooks, its
 * {@code response} read back, and the typed call of a Java provider. One class per trigger.
 *
 * @param <E> its event
 * @param <R> its response ({@link Void} for the triggers whose answer Cognito does not read)
 */
public interface TriggerCall<E, R> {

    TriggerKind kind();

    /** The event's envelope. */
    TriggerContext context(E event);

    /** The event's {@code request} member, as Cognito writes it. */
    ObjectNode request(E event);

    /**
     * The answer's {@code response} member, read.
     *
     * @throws TriggerFailure {@link TriggerFailure.Kind#INVALID_RESPONSE} when it is not what the trigger answers
     */
    R response(JsonNode response) throws TriggerFailure;

    /** The Java provider's answer. */
    R call(TriggerProvider provider, E event) throws TriggerException;

    /** Never logged: an event holds attributes, and some a password or a code. */
    default String name() {
        return kind().configKey();
    }
}
