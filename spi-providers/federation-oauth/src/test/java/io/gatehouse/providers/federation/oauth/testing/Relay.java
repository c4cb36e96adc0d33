package io.gatehouse.providers.federation.oauth.testing;

import io.gatehouse.providers.federation.oauth.Urls;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a stand-in in front of mock-oauth2-server uses to pass a request on to it: a social IdP that speaks OAuth 2.0
 * with its own shapes (no {@code openid} scope, a form post back, a profile API) keeps mock-oauth2-server's codes,
 * PKCE checks and signed tokens, and answers in its own shape.
 */
public final class Relay {

    private static final HttpClient HTTP = Browser.HTTP;

    private Relay() {
    }

    /**
     * Passes an authorization request on to {@code authorize} with {@code openid} among its scopes (which
     * mock-oauth2-server requires) and {@code response_mode} left out, and returns where it sends the browser.
     */
    public static URI authorize(URI authorize, Map<String, List<String>> query) throws Exception {
        Map<String, List<String>> relayed = new LinkedHashMap<>(query);
        relayed.remove("response_mode");
        relayed.put("scope", List.of(("openid " + String.join(" ", query.getOrDefault("scope", List.of())))
                .replace(',', ' ').trim()));
        URI relayedUri = URI.create(authorize + "?" + Urls.encode(relayed));
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(relayedUri).timeout(Duration.ofSeconds(10))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 302) {
            throw new IllegalStateException("the authorize endpoint answered " + answer.statusCode() + ": "
                    + answer.body());
        }
        return URI.create(answer.headers().firstValue("Location").orElseThrow());
    }

    /** A form posted to {@code uri}. */
    public static HttpResponse<String> post(URI uri, Map<String, List<String>> form) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(Urls.encode(form))).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A GET of {@code uri} with this {@code Authorization} header. */
    public static HttpResponse<String> get(URI uri, String authorization) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                .header("Authorization", authorization).build(), HttpResponse.BodyHandlers.ofString());
    }
}
