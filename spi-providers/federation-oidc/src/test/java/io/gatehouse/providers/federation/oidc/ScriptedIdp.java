package io.gatehouse.providers.federation.oidc;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.pkce.CodeChallenge;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.gatehouse.providers.federation.oauth.testing.Browser;
import io.gatehouse.providers.federation.oauth.testing.StandIn;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * An OpenID Provider whose answers a test scripts, on this machine's loopback: by default an honest one (discovery,
 * authorize, token with PKCE, JWKS, userinfo, as the specifications say), and, where a test replaces a part, one
 * that forges ID tokens, lies about a subject or fails. It speaks real HTTP, so the provider under test runs its
 * own code end to end.
 */
final class ScriptedIdp implements AutoCloseable {

    static final String CLIENT_ID = "gatehouse-app";
    static final String CLIENT_SECRET = "idp-client-secret-0123456789-abcdefghij";
    static final String SUBJECT = "248289761001";

    /** One authorization the IdP granted at its authorize endpoint, by its code. */
    record Grant(String code, String clientId, String redirectUri, String nonce, String codeChallenge) {
    }

    /** A request to the token endpoint as it arrived. */
    record TokenCall(String authorization, Map<String, List<String>> form) {
    }

    /** The key the IdP signs with and publishes at its jwks_uri; a test may rotate it. */
    volatile RSAKey signingKey = newKey("idp-key-1");
    private final HttpServer server;
    private final Map<String, Grant> grants = new ConcurrentHashMap<>();
    private final Map<String, Grant> accessTokens = new ConcurrentHashMap<>();
    final List<TokenCall> tokenCalls = new CopyOnWriteArrayList<>();
    final List<String> userInfoMethods = new CopyOnWriteArrayList<>();
    final AtomicInteger jwksFetches = new AtomicInteger();
    final AtomicInteger discoveryFetches = new AtomicInteger();

    /** Members to change in the discovery document; a null value removes the member. */
    final Map<String, Object> discoveryChanges = Collections.synchronizedMap(new HashMap<>());
    /** The ID token the token endpoint issues for a grant; none when it gives null. */
    volatile Function<Grant, String> idTokens = grant -> signed(signingKey, honestClaims(grant).build());
    /** The userinfo endpoint's claims; they must carry {@code sub}. */
    volatile Map<String, Object> userInfo = Map.of("sub", SUBJECT, "email", "alice@example.com",
            "given_name", "Alice");
    /** When set, the token endpoint answers only this status. */
    volatile Integer tokenStatus;

    ScriptedIdp() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/.well-known/openid-configuration", this::discovery);
        server.createContext("/authorize", this::authorize);
        server.createContext("/token", this::token);
        server.createContext("/jwks", this::jwks);
        server.createContext("/userinfo", this::userinfo);
        server.start();
    }

    String issuer() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** ProviderDetails as an administrator gives them for this IdP. */
    Map<String, String> details() {
        Map<String, String> details = new HashMap<>();
        details.put("client_id", CLIENT_ID);
        details.put("client_secret", CLIENT_SECRET);
        details.put("authorize_scopes", "openid email profile");
        details.put("attributes_request_method", "GET");
        details.put("oidc_issuer", issuer());
        return details;
    }

    /** The claims an honest IdP puts in the ID token of a grant. */
    JWTClaimsSet.Builder honestClaims(Grant grant) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(issuer())
                .subject(SUBJECT)
                .audience(grant.clientId())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))
                .claim("nonce", grant.nonce())
                .claim("email", "alice@example.com")
                .claim("email_verified", true)
                .claim("address", Map.of("country", "NO"))
                .claim("groups", List.of("staff", "admins"));
    }

    static RSAKey newKey(String keyId) {
        try {
            return new RSAKeyGenerator(2048).keyID(keyId).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The claims signed RS256 with {@code key}, naming its key id. */
    static String signed(RSAKey key, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                    claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private void discovery(HttpExchange exchange) throws IOException {
        discoveryFetches.incrementAndGet();
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("issuer", issuer());
        document.put("authorization_endpoint", issuer() + "/authorize");
        document.put("token_endpoint", issuer() + "/token");
        document.put("userinfo_endpoint", issuer() + "/userinfo");
        document.put("jwks_uri", issuer() + "/jwks");
        document.put("end_session_endpoint", issuer() + "/logout");
        document.put("response_types_supported", List.of("code"));
        document.put("subject_types_supported", List.of("public"));
        document.put("id_token_signing_alg_values_supported", List.of("RS256"));
        discoveryChanges.forEach((name, value) -> {
            if (value == null) {
                document.remove(name);
            } else {
                document.put(name, value);
            }
        });
        answer(exchange, 200, JSONObjectUtils.toJSONString(document));
    }

    private void authorize(HttpExchange exchange) throws IOException {
        Map<String, List<String>> query = Browser.parameters(exchange.getRequestURI());
        Grant grant = new Grant(UUID.randomUUID().toString(), Browser.single(query, "client_id"),
                Browser.single(query, "redirect_uri"), Browser.single(query, "nonce"),
                Browser.single(query, "code_challenge"));
        grants.put(grant.code(), grant);
        exchange.getResponseHeaders().add("Location", grant.redirectUri() + "?code=" + grant.code()
                + "&state=" + Browser.single(query, "state"));
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    private void token(HttpExchange exchange) throws IOException {
        Map<String, List<String>> form = Browser.decode(new String(exchange.getRequestBody().readAllBytes(),
                StandardCharsets.UTF_8));
        tokenCalls.add(new TokenCall(exchange.getRequestHeaders().getFirst("Authorization"), form));
        if (tokenStatus != null) {
            answer(exchange, tokenStatus, "{}");
            return;
        }
        Grant grant = grants.remove(Browser.single(form, "code"));
        if (grant == null || !grant.redirectUri().equals(Browser.single(form, "redirect_uri"))
                || !pkceHolds(grant, form)) {
            answer(exchange, 400, "{\"error\":\"invalid_grant\"}");
            return;
        }
        String accessToken = UUID.randomUUID().toString();
        accessTokens.put(accessToken, grant);
        Map<String, Object> tokens = new LinkedHashMap<>(Map.of("access_token", accessToken,
                "token_type", "Bearer", "expires_in", 300));
        String idToken = idTokens.apply(grant);
        if (idToken != null) {
            tokens.put("id_token", idToken);
        }
        answer(exchange, 200, JSONObjectUtils.toJSONString(tokens));
    }

    private static boolean pkceHolds(Grant grant, Map<String, List<String>> form) {
        List<String> verifier = form.getOrDefault("code_verifier", List.of());
        return verifier.size() == 1 && CodeChallenge.compute(CodeChallengeMethod.S256,
                new CodeVerifier(verifier.get(0))).getValue().equals(grant.codeChallenge());
    }

    private void jwks(HttpExchange exchange) throws IOException {
        jwksFetches.incrementAndGet();
        answer(exchange, 200, new JWKSet(signingKey).toPublicJWKSet().toString());
    }

    private void userinfo(HttpExchange exchange) throws IOException {
        userInfoMethods.add(exchange.getRequestMethod());
        String authorization = String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"));
        if (!authorization.startsWith("Bearer ") || !accessTokens.containsKey(authorization.substring(7))) {
            exchange.getResponseHeaders().add("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            answer(exchange, 401, "");
            return;
        }
        answer(exchange, 200, JSONObjectUtils.toJSONString(userInfo));
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        StandIn.answer(exchange, status, "application/json", json);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
