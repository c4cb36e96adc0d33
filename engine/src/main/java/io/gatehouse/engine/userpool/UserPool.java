package io.gatehouse.engine.userpool;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;

/**
 * A user pool.
 *
 * @param id       {@code <region>_<suffix>}
 * @param name     the pool name
 * @param settings its configuration in the shape of Cognito's {@code UserPoolType} (without the id, name, ARN
 *                 and dates); a private copy
 * @param created  when it was created
 * @param modified when it last changed
 */
public record UserPool(String id, String name, ObjectNode settings, Instant created, Instant modified) {

    public UserPool {
        settings = settings.deepCopy();
    }

    @Override
    public ObjectNode settings() {
        return settings.deepCopy();
    }
}
