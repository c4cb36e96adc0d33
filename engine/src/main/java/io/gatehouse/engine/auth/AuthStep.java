package io.gatehouse.engine.auth;

import io.gatehouse.engine.devices.Devices;
import io.gatehouse.engine.token.TokenSet;

import java.util.Map;

/** Where a sign-in stands after a call: done, or waiting for the answer to a challenge. */
public sealed interface AuthStep {

    /**
     * Signed in.
     *
     * @param tokens    the tokens
     * @param newDevice a device key for the client to confirm (NewDeviceMetadata), or null
     */
    record Authenticated(TokenSet tokens, Devices.NewDevice newDevice) implements AuthStep {
        public Authenticated(TokenSet tokens) {
            this(tokens, null);
        }
    }

    /**
     * A challenge to answer with RespondToAuthChallenge.
     *
     * @param name       the challenge, for example {@code NEW_PASSWORD_REQUIRED}
     * @param session    the session string to send back with the answer
     * @param parameters Cognito's challenge parameters
     */
    record Challenged(String name, String session, Map<String, String> parameters) implements AuthStep {
        public Challenged {
            parameters = Map.copyOf(parameters);
        }
    }
}
