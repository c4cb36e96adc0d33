package io.gatehouse.engine.userpool;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/**
 * A user pool.
 *
 * @param id       {@code <region>_<suffix>}
 * @param name     the pool name
 * @param settings its configuration in the shape of Cognito's {@code UserPoolType} (without the id, name, ARN
 *                 and dates); never changed once the view is made
 * @param created  when it was created
 * @param modified when it last changed
 */
public record UserPool(String id, String name, JsonNode settings, Instant created, Instant modified) {

    /**
     * The settings, shared and read-only: views are cached and handed to every request, so a caller that wants a
     * changed version works on a {@code deepCopy()}. Returned as {@link JsonNode} so that changing it takes a
     * deliberate cast.
     */
    @Override
    public JsonNode settings() {
        return settings;
    }
}
