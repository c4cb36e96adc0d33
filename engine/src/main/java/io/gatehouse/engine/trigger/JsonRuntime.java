package io.gatehouse.engine.trigger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Duration;

/** A runtime that takes the event as Cognito's JSON and answers it the same way: AWS Lambda, or a webhook. */
public interface JsonRuntime {

    /** Whether this runtime runs triggers of this target. */
    boolean runs(TriggerTarget target);

    /**
     * Sends the event and returns what came back: the event with {@code response} filled in.
     *
     * @param timeout how long the whole call may take, retries included
     * @throws TriggerFailure when the function failed, was not reached in time, or answered something unreadable
     */
    JsonNode invoke(TriggerTarget target, ObjectNode event, Duration timeout) throws TriggerFailure;
}
