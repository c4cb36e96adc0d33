package io.gatehouse.engine.users;

import io.gatehouse.engine.error.ServiceException;
import io.gatehouse.engine.userpool.UserPoolClient;

/**
 * Cognito's PreventUserExistenceErrors: when a client has it ENABLED (the default for new clients), a call naming
 * an unknown user answers as it would for a known user who got something wrong, so callers cannot probe which
 * users exist.
 */
final class ExistenceErrors {

    private ExistenceErrors() {
    }

    static boolean prevented(UserPoolClient client) {
        return "ENABLED".equals(client.settings().path("PreventUserExistenceErrors").asText("ENABLED"));
    }

    /** The error for an unknown user: {@code disguise} when the client prevents existence errors. */
    static ServiceException unknownUser(UserPoolClient client, ServiceException disguise) {
        return prevented(client) ? disguise : new ServiceException("UserNotFoundException", "User does not exist.");
    }

    /** A delivery answer for a code that went nowhere, shaped like a real one. */
    static CodeDelivery simulatedDelivery(String username) {
        return new CodeDelivery(username.contains("@") ? CodeDelivery.maskEmail(username) : "***", "EMAIL", "email");
    }
}
