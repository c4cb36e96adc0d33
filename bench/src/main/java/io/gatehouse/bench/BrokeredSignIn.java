package io.gatehouse.bench;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.hc.core5.http.io.support.ClassicRequestBuilder;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

/**
 * One sign-in of an app through a server that brokers an upstream OpenID Provider, made as a browser without
 * JavaScript makes it, then the app's code redeemed as a public client with PKCE: the app's authorization request
 * (naming the upstream IdP), the server's redirect to the IdP, the user's sign-in there (NAV's mock-oauth2-server
 * takes the user name posted to its authorization endpoint, as its own login page does, and answers with a code at
 * once), the IdP's redirect back to the server's callback, any redirects within the server, and the server's
 * redirect to the app with a code, which the app trades for tokens.
 *
 * <p>Every sign-in is a new browser: a browser that kept the server's cookies could be signed in without going to
 * the IdP again (Keycloak's SSO session). Cookies are kept by hand, per host and port, and sent whether or not
 * they are Secure: the servers mark their cookies Secure on localhost too, as browsers treat it as a secure origin.
 */
final class BrokeredSignIn {

    /** The apps' redirect URI; the browser never goes there, the driver reads the code off the redirect. */
    static final URI APP_CALLBACK = URI.create("http://localhost/app/callback");
    /** Redirects within one sign-in before it is taken for a loop. */
    private static final int MAX_HOPS = 10;
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    /**
     * An app of the server under test: a public client with the code flow.
     *
     * @param authorizeEndpoint where the app sends the browser
     * @param idpParameters     what makes the server go to the upstream IdP without asking (Cognito's
     *                          {@code identity_provider}, Keycloak's {@code kc_idp_hint})
     */
    record App(URI authorizeEndpoint, Map<String, String> idpParameters, URI tokenEndpoint, String clientId,
               URI redirectUri) {
    }

    private final Map<String, Map<String, String>> cookies = new HashMap<>();

    private BrokeredSignIn() {
    }

    /**
     * Signs {@code upstreamUser} in to {@code app} through the upstream IdP whose authorization endpoint is
     * {@code upstreamAuthorize}.
     *
     * @throws IOException when any step answers other than a browser expects, or the token endpoint gives no tokens
     */
    static void signIn(App app, URI upstreamAuthorize, String upstreamUser) throws IOException {
        new BrokeredSignIn().run(app, upstreamAuthorize, upstreamUser);
    }

    private void run(App app, URI upstreamAuthorize, String upstreamUser) throws IOException {
        String state = random(16);
        String verifier = random(32);
        Map<String, String> request = new LinkedHashMap<>();
        request.put("response_type", "code");
        request.put("client_id", app.clientId());
        request.put("redirect_uri", app.redirectUri().toString());
        request.put("scope", "openid email profile");
        request.put("state", state);
        request.put("nonce", random(16));
        request.put("code_challenge", BASE64URL.encodeToString(sha256(verifier)));
        request.put("code_challenge_method", "S256");
        request.putAll(app.idpParameters());
        URI next = URI.create(app.authorizeEndpoint() + "?" + Http.encode(request));
        String upstreamPrefix = upstreamAuthorize + "?";
        String appPrefix = app.redirectUri() + "?";
        boolean signedInUpstream = false;
        for (int hop = 0; hop < MAX_HOPS; hop++) {
            boolean atUpstream = next.toString().startsWith(upstreamPrefix);
            signedInUpstream |= atUpstream;
            Http.Answer answer = send(next, atUpstream
                    ? Http.postForm(next, Map.of("username", upstreamUser))
                    : ClassicRequestBuilder.get(next));
            if (answer.status() / 100 != 3 || answer.location() == null) {
                throw new IOException((atUpstream ? "the upstream IdP" : "the server") + " answered " + next.getPath()
                        + " with HTTP " + answer.status() + ": " + Http.abbreviate(answer.body()));
            }
            URI location = next.resolve(answer.location());
            if (location.toString().startsWith(appPrefix)) {
                Map<String, String> back = query(location);
                if (!state.equals(back.get("state")) || back.get("code") == null || !signedInUpstream) {
                    throw new IOException("the app got back " + location + (signedInUpstream ? ""
                            : " without a sign-in at the upstream IdP"));
                }
                redeem(app, back.get("code"), verifier);
                return;
            }
            next = location;
        }
        throw new IOException("more than " + MAX_HOPS + " redirects, the last to " + next);
    }

    private static void redeem(App app, String code, String verifier) throws IOException {
        JsonNode tokens = Http.send(Http.postForm(app.tokenEndpoint(), Map.of("grant_type", "authorization_code",
                "client_id", app.clientId(), "code", code, "redirect_uri", app.redirectUri().toString(),
                "code_verifier", verifier)));
        if (!tokens.has("id_token") || !tokens.has("access_token")) {
            throw new IOException("the token endpoint returned no tokens: " + tokens);
        }
    }

    private Http.Answer send(URI uri, ClassicRequestBuilder request) throws IOException {
        Map<String, String> jar = cookies.computeIfAbsent(uri.getAuthority(), a -> new LinkedHashMap<>());
        if (!jar.isEmpty()) {
            request.setHeader("Cookie", jar.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("; ")));
        }
        Http.Answer answer = Http.exchange(request);
        for (String header : answer.setCookies()) {
            int eq = header.indexOf('=');
            int end = header.indexOf(';');
            String name = header.substring(0, eq).trim();
            String value = header.substring(eq + 1, end < 0 ? header.length() : end);
            String attributes = end < 0 ? "" : header.substring(end).toLowerCase(java.util.Locale.ROOT);
            if (value.isEmpty() || attributes.contains("max-age=0") || attributes.contains("expires=thu, 01 jan 1970")
                    || attributes.contains("expires=thu, 01-jan-1970")) {
                jar.remove(name);
            } else {
                jar.put(name, value);
            }
        }
        return answer;
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> parameters = new HashMap<>();
        String raw = uri.getRawQuery();
        for (String pair : raw == null ? new String[0] : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                parameters.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return parameters;
    }

    /** Random bytes as base64url; the driver's, where nothing needs to be unguessable, so not SecureRandom. */
    private static String random(int bytes) {
        byte[] value = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(value);
        return BASE64URL.encodeToString(value);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
