package io.gatehouse.providers.federation.facebook;

import com.nimbusds.oauth2.sdk.pkce.CodeChallenge;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.sun.net.httpserver.HttpExchange;
import io.gatehouse.providers.federation.oauth.testing.StandIn;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Facebook Login and the Graph API as Facebook documents them, on loopback: the login dialog
 * ({@code /<version>/dialog/oauth}, with PKCE), the token endpoint ({@code /<version>/oauth/access_token}: the app
 * secret, the exact redirect URI, the code once, the PKCE verifier) and {@code /<version>/me}, which answers the
 * fields asked for only with the access token and its {@code appsecret_proof}, and Graph's error objects otherwise.
 */
final class FacebookStandIn implements AutoCloseable {

    static final String VERSION = "v17.0";
    static final String APP_ID = "1234567890123456";
    static final String APP_SECRET = "facebook-app-secret-0123456789abcdef";

    /** A code the dialog issued. */
    private record Grant(String redirectUri, String challenge) {
    }

    private final StandIn server;
    private final Map<String, Grant> grants = new ConcurrentHashMap<>();
    private final Map<String, Boolean> accessTokens = new ConcurrentHashMap<>();
    /** The Graph calls as they came: their query parameters. */
    final List<Map<String, List<String>>> graphCalls = new CopyOnWriteArrayList<>();
    /** The user, as Graph knows them; /me answers the fields asked for. */
    volatile Map<String, Object> user = Map.of("id", "10158532795912345", "name", "Alice Liddell",
            "email", "alice@example.com", "first_name", "Alice", "last_name", "Liddell", "short_name", "Alice",
            "name_format", "{first} {last}", "picture", Map.of("data", Map.of("height", 50, "is_silhouette", false,
                    "url", "https://platform-lookaside.fbsbx.com/platform/profilepic/?asid=1", "width", 50)),
            "birthday", "05/04/1990");
    /** The secret /me checks proofs with: the app's, unless a test makes Graph expect another. */
    volatile String proofSecret = APP_SECRET;
    /** When set, /me answers only this status, with a Graph error. */
    volatile Integer graphStatus;

    FacebookStandIn() throws IOException {
        server = new StandIn()
                .on("/" + VERSION + "/dialog/oauth", this::dialog)
                .on("/" + VERSION + "/oauth/access_token", this::token)
                .on("/" + VERSION + "/me", this::me);
    }

    String url() {
        return server.url();
    }

    List<Throwable> failures() {
        return server.failures;
    }

    private void dialog(HttpExchange exchange) throws IOException {
        Map<String, List<String>> query = StandIn.query(exchange);
        if (!List.of(APP_ID).equals(query.get("client_id")) || !query.containsKey("state")
                || !List.of("S256").equals(query.get("code_challenge_method"))) {
            StandIn.answer(exchange, 400, "text/html", "<p>Invalid App ID, state or PKCE</p>");
            return;
        }
        String code = "AQ" + UUID.randomUUID().toString().replace("-", "");
        String redirectUri = query.get("redirect_uri").get(0);
        grants.put(code, new Grant(redirectUri, query.get("code_challenge").get(0)));
        // Facebook appends an empty fragment to where it sends the browser back.
        StandIn.redirect(exchange, redirectUri + "?code=" + code + "&state=" + query.get("state").get(0) + "#_=_");
    }

    private void token(HttpExchange exchange) throws IOException {
        Map<String, List<String>> form = new LinkedHashMap<>(StandIn.query(exchange));
        form.putAll(StandIn.form(exchange));
        if (!List.of(APP_ID).equals(form.get("client_id")) || !List.of(APP_SECRET).equals(form.get("client_secret"))) {
            graphError(exchange, 400, "Error validating client secret.", "OAuthException", 1);
            return;
        }
        Grant grant = grants.remove(String.valueOf(form.getOrDefault("code", List.of("")).get(0)));
        List<String> verifier = form.getOrDefault("code_verifier", List.of());
        if (grant == null || !List.of(grant.redirectUri()).equals(form.get("redirect_uri")) || verifier.size() != 1
                || !CodeChallenge.compute(CodeChallengeMethod.S256, new CodeVerifier(verifier.get(0))).getValue()
                .equals(grant.challenge())) {
            graphError(exchange, 400, "Invalid verification code format.", "OAuthException", 100);
            return;
        }
        String accessToken = "EAAB" + UUID.randomUUID().toString().replace("-", "");
        accessTokens.put(accessToken, true);
        StandIn.json(exchange, 200, Map.of("access_token", accessToken, "token_type", "bearer",
                "expires_in", 5183944));
    }

    private void me(HttpExchange exchange) throws Exception {
        Map<String, List<String>> query = StandIn.query(exchange);
        graphCalls.add(query);
        if (graphStatus != null) {
            graphError(exchange, graphStatus, "An unexpected error has occurred.", "OAuthException", 2);
            return;
        }
        String authorization = String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"));
        String token = authorization.startsWith("Bearer ") ? authorization.substring(7) : "";
        if (!accessTokens.containsKey(token)) {
            graphError(exchange, 400, "Invalid OAuth access token data.", "OAuthException", 190);
            return;
        }
        if (!List.of(proof(proofSecret, token)).equals(query.get("appsecret_proof"))) {
            graphError(exchange, 400, "Invalid appsecret_proof provided in the API argument", "GraphMethodException",
                    100);
            return;
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        for (String field : query.getOrDefault("fields", List.of("id,name")).get(0).split(",")) {
            if (user.containsKey(field)) {
                answer.put(field, user.get(field));
            }
        }
        StandIn.json(exchange, 200, answer);
    }

    /** Facebook's: hex of HMAC-SHA256 of the token keyed by the app secret. */
    static String proof(String secret, String token) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(token.getBytes(StandardCharsets.UTF_8)));
    }

    private static void graphError(HttpExchange exchange, int status, String message, String type, int code)
            throws IOException {
        StandIn.json(exchange, status, Map.of("error", Map.of("message", message, "type", type, "code", code,
                "fbtrace_id", "AbCdEf123")));
    }

    @Override
    public void close() {
        server.close();
    }
}
