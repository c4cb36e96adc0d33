package io.gatehouse.engine.oauth;

import io.gatehouse.engine.error.ServiceException;
import io.gatehouse.engine.threat.lockout.AddressThrottle;
import io.gatehouse.engine.threat.lockout.AddressThrottled;
import io.gatehouse.engine.userpool.UserPoolClient;
import io.gatehouse.engine.userpool.UserPoolClients;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * Who is calling the token endpoint: {@code client_secret_basic} (HTTP Basic with the URL-encoded id and secret),
 * {@code client_secret_post} (both in the form), or a public client naming itself with {@code client_id}.
 * A confidential client must prove its secret by one of the two methods, never both.
 */
@ApplicationScoped
public class ClientAuthentication {

    @Inject
    UserPoolClients clients;

    @Inject
    AddressThrottle addressThrottle;

    /** The authenticated client, and whether it proved a secret. */
    public record Authenticated(UserPoolClient client, boolean confidential) {
    }

    /**
     * @param authorization the Authorization header, or null
     * @param formClientId  the form's client_id, or null
     * @param formSecret    the form's client_secret, or null
     * @throws OAuthException {@code invalid_client} or {@code invalid_request}; {@code slow_down} (429) once the
     *                         caller's address has failed too often
     */
    public Authenticated authenticate(String authorization, String formClientId, String formSecret) {
        // A client secret is a secret to guess like a password: wrong ones spend the address's failure bucket.
        try {
            return addressThrottle.guard(() -> authenticateUnthrottled(authorization, formClientId, formSecret),
                    OAuthException.class, e -> "invalid_client".equals(e.error()));
        } catch (AddressThrottled e) {
            throw OAuthException.tooManyRequests(e.getMessage(), e.retryAfterSeconds());
        }
    }

    private Authenticated authenticateUnthrottled(String authorization, String formClientId, String formSecret) {
        Optional<String[]> basic = basic(authorization);
        if (basic.isPresent() && formSecret != null) {
            throw OAuthException.badRequest("invalid_request", "Use one client authentication method, not two.");
        }
        String clientId = basic.map(b -> b[0]).orElse(formClientId);
        String secret = basic.map(b -> b[1]).orElse(formSecret);
        if (clientId == null || clientId.isEmpty()) {
            throw OAuthException.invalidClient("The client is not identified.");
        }
        if (basic.isPresent() && formClientId != null && !formClientId.equals(clientId)) {
            throw OAuthException.badRequest("invalid_request", "client_id does not match the Authorization header.");
        }
        UserPoolClient client;
        try {
            client = clients.byClientId(clientId);
        } catch (ServiceException e) {
            throw OAuthException.invalidClient("Client " + clientId + " does not exist.");
        }
        if (client.clientSecret().isEmpty()) {
            if (secret != null) {
                throw OAuthException.invalidClient("The client has no secret.");
            }
            return new Authenticated(client, false);
        }
        if (!client.secretMatches(secret)) {
            throw OAuthException.invalidClient("The client secret is wrong or missing.");
        }
        return new Authenticated(client, true);
    }

    /** The id and secret of a Basic Authorization header (each URL-decoded, per RFC 6749 section 2.3.1). */
    private static Optional<String[]> basic(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw OAuthException.invalidClient("The Authorization header is not valid Basic credentials.");
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            throw OAuthException.invalidClient("The Authorization header is not valid Basic credentials.");
        }
        String id;
        String secret;
        try {
            id = URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8);
            secret = URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            // Broken percent-encoding (a lone %, %zz) in the credentials: found by the fuzz pass as a 500.
            throw OAuthException.invalidClient("The Authorization header is not valid Basic credentials.");
        }
        if (id.indexOf('\u0000') >= 0 || secret.indexOf('\u0000') >= 0) {
            // No client id or secret holds U+0000, and PostgreSQL cannot look one up that does.
            throw OAuthException.invalidClient("The Authorization header is not valid Basic credentials.");
        }
        return Optional.of(new String[]{id, secret});
    }
}
