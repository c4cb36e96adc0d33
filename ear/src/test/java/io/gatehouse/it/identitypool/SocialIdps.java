package io.gatehouse.it.identitypool;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Google, Apple, Facebook and Login with Amazon as an app's token reaches Gatehouse from them, on loopback at the
 * port the IT servers are configured with ({@code gatehouse.it.social.port}): Google's and Apple's JWK sets (the keys
 * their ID tokens are signed with, RS256), Facebook's Graph API ({@code /app} answers the app a token was issued to,
 * {@code /me} its user, Graph's {@code OAuthException} 190 for any other token) and Login with Amazon's tokeninfo
 * (LWA's members, {@code exp} the seconds left) and profile API. The test mints the tokens: ID tokens signed by the
 * published keys, and access tokens it registers here as the IdP would have issued them.
 */
final class SocialIdps implements AutoCloseable {

    static final String GOOGLE_ISSUER = "https://accounts.google.com";
    static final String APPLE_ISSUER = "https://appleid.apple.com";

    /** A Facebook or LWA access token: the app it was issued to and its user's profile. */
    record AccessGrant(String appId, String clientId, Map<String, Object> user, long expiresAt) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    final RSAKey googleKey = key();
    final RSAKey appleKey = key();
    private final Map<String, AccessGrant> facebook = new ConcurrentHashMap<>();
    private final Map<String, AccessGrant> amazon = new ConcurrentHashMap<>();
    /** When true, the Graph API and LWA answer 503, as an IdP in trouble does. */
    volatile boolean down;

    SocialIdps(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.createContext("/google/oauth2/v3/certs", e -> answer(e, 200, new JWKSet(googleKey).toString()));
        server.createContext("/apple/auth/keys", e -> answer(e, 200, new JWKSet(appleKey).toString()));
        server.createContext("/facebook/app", e -> graph(e, grant -> Map.of("id", grant.appId(),
                "name", "Gatehouse IT", "link", "https://www.facebook.com/games/?app_id=" + grant.appId())));
        server.createContext("/facebook/me", e -> graph(e, AccessGrant::user));
        server.createContext("/amazon/auth/o2/tokeninfo", this::tokenInfo);
        server.createContext("/amazon/user/profile", this::profile);
        server.start();
    }

    private static RSAKey key() {
        try {
            return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An ID token signed by {@code key} under its key id, with these claims and iat/exp around now. */
    static String idToken(RSAKey key, Map<String, Object> claims, Instant issuedAt) {
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder();
        claims.forEach(builder::claim);
        builder.issueTime(java.util.Date.from(issuedAt))
                .expirationTime(java.util.Date.from(issuedAt.plusSeconds(3600)));
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                    builder.build());
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A Facebook user access token Facebook issued to {@code appId} for the user {@code id}. */
    String facebookToken(String appId, String id, String name) {
        String token = "EAAB" + UUID.randomUUID().toString().replace("-", "");
        facebook.put(token, new AccessGrant(appId, appId, Map.of("id", id, "name", name), Long.MAX_VALUE));
        return token;
    }

    /** An LWA access token issued to the security profile {@code appId} (client {@code clientId}). */
    String amazonToken(String appId, String clientId, String userId, long secondsLeft) {
        String token = "Atza|" + UUID.randomUUID().toString().replace("-", "");
        amazon.put(token, new AccessGrant(appId, clientId, Map.of("user_id", userId, "name", "Alice Liddell",
                "email", "alice@example.com", "postal_code", "98101"),
                Instant.now().getEpochSecond() + secondsLeft));
        return token;
    }

    /** Graph: the token as a bearer token or the access_token parameter, as Graph takes it. */
    private void graph(HttpExchange exchange, java.util.function.Function<AccessGrant, Map<String, Object>> answer)
            throws IOException {
        if (down) {
            answer(exchange, 503, "{\"error\":{\"message\":\"Service temporarily unavailable\","
                    + "\"type\":\"OAuthException\",\"code\":2}}");
            return;
        }
        String token = bearer(exchange);
        if (token == null) {
            token = query(exchange).get("access_token");
        }
        AccessGrant grant = token == null ? null : facebook.get(token);
        if (grant == null) {
            answer(exchange, 400, "{\"error\":{\"message\":\"Invalid OAuth access token data.\","
                    + "\"type\":\"OAuthException\",\"code\":190,\"fbtrace_id\":\"A1b2C3\"}}");
            return;
        }
        answer(exchange, 200, JSON.writeValueAsString(answer.apply(grant)));
    }

    private void tokenInfo(HttpExchange exchange) throws IOException {
        if (down) {
            answer(exchange, 503, "{\"error\":\"ServiceUnavailable\"}");
            return;
        }
        AccessGrant grant = amazon.get(String.valueOf(query(exchange).get("access_token")));
        long left = grant == null ? 0 : grant.expiresAt() - Instant.now().getEpochSecond();
        if (grant == null || left <= 0) {
            answer(exchange, 400, "{\"error_description\":\"The request has an invalid parameter : access_token\","
                    + "\"error\":\"invalid_token\"}");
            return;
        }
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("iss", "https://www.amazon.com");
        info.put("user_id", grant.user().get("user_id"));
        info.put("aud", grant.clientId());
        info.put("app_id", grant.appId());
        info.put("exp", left);
        info.put("iat", Instant.now().getEpochSecond() - 10);
        answer(exchange, 200, JSON.writeValueAsString(info));
    }

    private void profile(HttpExchange exchange) throws IOException {
        String token = bearer(exchange);
        AccessGrant grant = token == null ? null : amazon.get(token);
        if (grant == null) {
            answer(exchange, 401, "{\"error\":\"invalid_token\",\"error_description\":\"The access token is invalid\"}");
            return;
        }
        answer(exchange, 200, JSON.writeValueAsString(grant.user()));
    }

    private static String bearer(HttpExchange exchange) {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        return authorization != null && authorization.startsWith("Bearer ") ? authorization.substring(7) : null;
    }

    private static Map<String, String> query(HttpExchange exchange) {
        Map<String, String> query = new LinkedHashMap<>();
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    query.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return query;
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
