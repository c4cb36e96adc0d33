package io.gatehouse.providers.federation.apple;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import io.gatehouse.providers.federation.oauth.testing.Browser;
import io.gatehouse.providers.federation.oauth.testing.Relay;
import io.gatehouse.providers.federation.oauth.testing.StandIn;
import no.nav.security.mock.oauth2.MockOAuth2Server;

import java.net.URI;
import java.net.http.HttpResponse;
import java.security.interfaces.ECPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Sign in with Apple as Apple documents it, on loopback, in front of NAV's mock-oauth2-server (which keeps the codes
 * and signs the ID tokens with the nonce): {@code /<issuer>/auth/authorize} requires {@code response_mode=form_post}
 * when scopes are asked for, and answers with a page whose form posts {@code code}, {@code state} and, on a first
 * sign-in, {@code user} back; {@code /<issuer>/auth/token} takes a code only with a client secret that is an ES256
 * JWT signed by the registered key, as Apple checks it; {@code /<issuer>/auth/keys} publishes the signing keys.
 */
final class AppleStandIn implements AutoCloseable {

    static final String TEAM_ID = "A1B2C3D4E5";
    static final String KEY_ID = "ABC123DEFG";
    static final String CLIENT_ID = "com.example.gatehouse.web";
    static final String APPLE = "https://appleid.apple.com";
    /** The key Apple issued the app (its .p8), and the PEM an administrator gives. */
    static final ECKey APP_KEY = newKey();
    static final String APP_KEY_PEM = pem(APP_KEY);

    private final MockOAuth2Server mock;
    private final StandIn server;
    /** The public key Apple holds for the app's key id; a test may make it another. */
    volatile ECPublicKey registeredKey;
    /** What {@code user} a sign-in posts back: Apple's JSON on a first sign-in; none when null. */
    volatile String user = "{\"name\":{\"firstName\":\"Alice\",\"lastName\":\"Liddell\"},"
            + "\"email\":\"x7yq2c@privaterelay.appleid.com\"}";
    /** The client secrets the token endpoint took. */
    final List<SignedJWT> clientSecrets = new CopyOnWriteArrayList<>();

    AppleStandIn(MockOAuth2Server mock, List<String> issuers) throws Exception {
        this.mock = mock;
        this.registeredKey = APP_KEY.toECPublicKey();
        server = new StandIn();
        for (String issuer : issuers) {
            server.on("/" + issuer + "/auth/authorize", exchange -> authorize(issuer, exchange));
            server.on("/" + issuer + "/auth/token", exchange -> token(issuer, exchange));
            server.on("/" + issuer + "/auth/keys", exchange -> StandIn.answer(exchange, 200, "application/json",
                    mock.getConfig().getTokenProvider().publicJwkSet(issuer).toString()));
        }
    }

    static ECKey newKey() {
        try {
            return new ECKeyGenerator(Curve.P_256).keyID(KEY_ID).generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String pem(ECKey key) {
        try {
            return "-----BEGIN PRIVATE KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(key.toECPrivateKey().getEncoded())
                    + "\n-----END PRIVATE KEY-----\n";
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    String url(String issuer) {
        return server.url() + "/" + issuer + "/auth";
    }

    List<Throwable> failures() {
        return server.failures;
    }

    private void authorize(String issuer, HttpExchange exchange) throws Exception {
        Map<String, List<String>> query = StandIn.query(exchange);
        boolean scopes = query.containsKey("scope");
        if (!List.of(CLIENT_ID).equals(query.get("client_id")) || !query.containsKey("nonce")
                || scopes && !List.of("form_post").equals(query.get("response_mode"))) {
            StandIn.json(exchange, 400, Map.of("error", "invalid_request"));
            return;
        }
        URI back = Relay.authorize(mock.authorizationEndpointUrl(issuer).uri(), query);
        Map<String, List<String>> answer = Browser.parameters(back);
        if (!scopes) {
            StandIn.redirect(exchange, back.toString());
            return;
        }
        StringBuilder page = new StringBuilder("<html><body onload=\"document.forms[0].submit()\">"
                + "<form method=\"post\" action=\"" + escape(query.get("redirect_uri").get(0)) + "\">");
        field(page, "code", answer.get("code").get(0));
        field(page, "state", answer.get("state").get(0));
        if (user != null) {
            field(page, "user", user);
        }
        StandIn.answer(exchange, 200, "text/html", page.append("</form></body></html>").toString());
    }

    private static void field(StringBuilder page, String name, String value) {
        page.append("<input type=\"hidden\" name=\"").append(name).append("\" value=\"").append(escape(value))
                .append("\"/>");
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private void token(String issuer, HttpExchange exchange) throws Exception {
        Map<String, List<String>> form = StandIn.form(exchange);
        if (!clientSecretHolds(form)) {
            StandIn.json(exchange, 400, Map.of("error", "invalid_client"));
            return;
        }
        HttpResponse<String> relayed = Relay.post(mock.tokenEndpointUrl(issuer).uri(), form);
        Map<String, Object> tokens = JSONObjectUtils.parse(relayed.body());
        if (relayed.statusCode() != 200) {
            StandIn.json(exchange, 400, Map.of("error", "invalid_grant"));
            return;
        }
        StandIn.json(exchange, 200, Map.of("access_token", tokens.get("access_token"), "token_type", "Bearer",
                "expires_in", 3600, "refresh_token", "r.apple-refresh", "id_token", tokens.get("id_token")));
    }

    /**
     * Apple's checks of the client secret: an ES256 JWT under the registered key's id, signed by it, issued by the
     * team for the Services ID to Apple, unexpired, and valid for no more than six months.
     */
    private boolean clientSecretHolds(Map<String, List<String>> form) throws Exception {
        List<String> secrets = form.getOrDefault("client_secret", List.of());
        if (secrets.size() != 1 || !List.of(CLIENT_ID).equals(form.get("client_id"))) {
            return false;
        }
        SignedJWT secret = SignedJWT.parse(secrets.get(0));
        clientSecrets.add(secret);
        JWTClaimsSet claims = secret.getJWTClaimsSet();
        Instant now = Instant.now();
        return secret.getHeader().getAlgorithm().equals(JWSAlgorithm.ES256)
                && KEY_ID.equals(secret.getHeader().getKeyID())
                && secret.verify(new ECDSAVerifier(registeredKey))
                && TEAM_ID.equals(claims.getIssuer())
                && CLIENT_ID.equals(claims.getSubject())
                && List.of(APPLE).equals(claims.getAudience())
                && claims.getExpirationTime().toInstant().isAfter(now)
                && !claims.getIssueTime().toInstant().isAfter(now.plusSeconds(60))
                && Duration.between(claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant())
                .compareTo(Duration.ofDays(182)) <= 0;
    }

    @Override
    public void close() {
        server.close();
    }
}
