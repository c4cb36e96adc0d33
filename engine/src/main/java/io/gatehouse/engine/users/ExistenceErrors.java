package io.gatehouse.engine.users;

import io.gatehouse.engine.error.ServiceException;
import io.gatehouse.engine.security.Hashes;
import io.gatehouse.engine.userpool.UserPoolClient;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

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

    /**
     * A delivery answer for a code that went nowhere, shaped like a real one: a name that is an address is masked
     * as itself (as it would be if the user signed in with it), any other gets a masked address or number derived
     * from the pool and name, the same on every call, so repeating the call tells nothing either.
     *
     * @param sms whether a real code would go by SMS in this pool
     */
    static CodeDelivery simulatedDelivery(String userPoolId, String username, boolean sms) {
        byte[] seed = Hashes.sha256((userPoolId + "\n" + username).getBytes(StandardCharsets.UTF_8));
        if (sms) {
            String digits = String.format("%04d", Math.floorMod(ByteBuffer.wrap(seed).getInt(), 10_000));
            return new CodeDelivery(username.startsWith("+") ? CodeDelivery.maskPhone(username)
                    : CodeDelivery.maskPhone("+1555555" + digits), "SMS", "phone_number");
        }
        String letters = "abcdefghijklmnopqrstuvwxyz";
        String invented = letters.charAt(Math.floorMod(seed[4], 26)) + "@" + letters.charAt(Math.floorMod(seed[5], 26))
                + ".example";
        return new CodeDelivery(CodeDelivery.maskEmail(username.contains("@") ? username : invented), "EMAIL",
                "email");
    }
}
