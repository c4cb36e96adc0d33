package io.gatehouse.engine.userpool;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.Optional;

/**
 * An app client of a user pool.
 *
 * @param clientId     26 lower-case alphanumerics
 * @param userPoolId   its pool
 * @param clientName   its name
 * @param clientSecret its secret, for confidential clients
 * @param settings     its configuration in the shape of Cognito's {@code UserPoolClientType} (without ids, name,
 *                     secret and dates); a private copy
 * @param created      when it was created
 * @param modified     when it last changed
 */
public record UserPoolClient(String clientId, String userPoolId, String clientName, Optional<String> clientSecret,
                             ObjectNode settings, Instant created, Instant modified) {

    public UserPoolClient {
        settings = settings.deepCopy();
    }

    @Override
    public ObjectNode settings() {
        return settings.deepCopy();
    }

    /** Never shows the secret. */
    @Override
    public String toString() {
        return "UserPoolClient[" + clientId + " of " + userPoolId + ", " + clientName + "]";
    }
}
