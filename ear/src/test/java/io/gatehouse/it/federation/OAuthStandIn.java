package io.gatehouse.it.federation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An OAuth 2.0 provider whose user comes from a profile API, as Facebook (Graph's {@code /me}) and Login with Amazon
 * ({@code /user/profile}) are, for the browser to sign in at: the authorization endpoint approves at once and sends
 * the browser back with a code; the token endpoint takes it once, with the client's secret and the PKCE verifier
 * of its S256 challenge, as the real services do; the profile endpoint answers for the access token it gave.
 * Paths: {@code /<prefix>/authorize}, {@code /<prefix>/token}, {@code /<prefix>/profile}.
 */
final class OAuthStandIn implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final String clientSecret;
    private final Map<String, Object> profile;
    private final Map<String, String> challenges = new ConcurrentHashMap<>();
    private final Map<String, String> tokens = new ConcurrentHashMap<>();

    OAuthStandIn(String prefix, String clientSecret, Map<String, Object> profile) throws IOException {
        this.clientSecret = clientSecret;
        this.profile = profile;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/" + prefix + "/authorize", this::authorize);
        server.createContext("/" + prefix + "/token", this::token);
        server.createContext("/" + prefix + "/profile", this::profile);
        server.start();
    }

    /** Where an endpoint of the stand-in is. */
    String url(String prefix, String endpoint) {
        return "http://localhost:" + server.getAddress().getPort() + "/" + prefix + "/" + endpoint;
    }

    private void authorize(HttpExchange exchange) throws IOException {
        Map<String, String> query = form(exchange.getRequestURI().getRawQuery());
        if (!"S256".equals(query.get("code_challenge_method")) || query.get("code_challenge") == null) {
            send(exchange, 400, Map.of("error", "invalid_request"));
            return;
        }
        String code = UUID.randomUUID().toString();
        challenges.put(code, query.get("code_challenge"));
        exchange.getResponseHeaders().add("Location", query.get("redirect_uri") + "?code=" + code + "&state="
                + URLEncoder.encode(query.get("state"), StandardCharsets.UTF_8));
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    private void token(HttpExchange exchange) throws IOException {
        Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String secret = form.get("client_secret");
        String basic = exchange.getRequestHeaders().getFirst("Authorization");
        if (basic != null && basic.startsWith("Basic ")) {
            String pair = new String(Base64.getDecoder().decode(basic.substring(6)), StandardCharsets.UTF_8);
            secret = URLDecoder.decode(pair.substring(pair.indexOf(':') + 1), StandardCharsets.UTF_8);
        }
        String challenge = challenges.remove(String.valueOf(form.get("code")));
        if (!clientSecret.equals(secret) || challenge == null
                || !challenge.equals(s256(String.valueOf(form.get("code_verifier"))))) {
            send(exchange, 400, Map.of("error", "invalid_grant"));
            return;
        }
        String token = UUID.randomUUID().toString();
        tokens.put(token, token);
        send(exchange, 200, Map.of("access_token", token, "token_type", "bearer", "expires_in", 3600));
    }

    private void profile(HttpExchange exchange) throws IOException {
        String authorization = String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"));
        if (!authorization.startsWith("Bearer ") || !tokens.containsKey(authorization.substring(7))) {
            send(exchange, 401, Map.of("error", "invalid_token"));
            return;
        }
        send(exchange, 200, profile);
    }

    private static String s256(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> form(String raw) {
        Map<String, String> values = new LinkedHashMap<>();
        if (raw != null && !raw.isEmpty()) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                values.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                        eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return values;
    }

    private static void send(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
