package io.gatehouse.engine.userpool;

import io.gatehouse.engine.error.ServiceException;
import io.gatehouse.engine.security.Hmac;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

/**
 * Cognito's {@code SECRET_HASH}: Base64(HMAC-SHA256(client secret, username + client id)). Clients with a
 * secret must send it on every call that names a user.
 */
public final class SecretHash {

    private SecretHash() {
    }

    /**
     * Checks the hash a caller sent for a confidential client; does nothing for a public client.
     *
     * @throws ServiceException {@code NotAuthorizedException} when it is missing or wrong
     */
    public static void check(UserPoolClient client, String username, String secretHash) {
        if (client.clientSecret().isEmpty()) {
            return;
        }
        if (secretHash == null || secretHash.isEmpty()) {
            throw new ServiceException("NotAuthorizedException", "Client " + client.clientId()
                    + " is configured for secret but secret was not received");
        }
        if (!matchesAny(client, username, secretHash)) {
            throw new ServiceException("NotAuthorizedException", "Unable to verify secret hash for client "
                    + client.clientId());
        }
    }

    /** Whether the hash is made with any of the client's secrets (two while they are rotated), each compared. */
    private static boolean matchesAny(UserPoolClient client, String username, String secretHash) {
        byte[] presented = secretHash.getBytes(StandardCharsets.US_ASCII);
        boolean matched = false;
        for (ClientSecret secret : client.secrets()) {
            matched |= MessageDigest.isEqual(compute(secret.value(), username, client.clientId())
                    .getBytes(StandardCharsets.US_ASCII), presented);
        }
        return matched;
    }

    /**
     * The SECRET_HASH of {@code username} for the client, or null for a public client: for the server's own pages,
     * which act for the client and hold its secret.
     */
    public static String of(UserPoolClient client, String username) {
        return client.clientSecret().map(secret -> compute(secret, username, client.clientId())).orElse(null);
    }

    static String compute(String secret, String username, String clientId) {
        return Base64.getEncoder().encodeToString(Hmac.sha256(secret.getBytes(StandardCharsets.UTF_8),
                username + clientId));
    }
}
