package io.gatehouse.it.cognito;

import io.gatehouse.it.Gatehouse;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A browser reduced to HTTP: it keeps cookies (by hand: the JDK's cookie store will not send a Secure cookie over
 * http, though browsers do to localhost), follows nothing by itself, and reads a page's CSRF token. For checks of
 * status codes and headers; the real browser tests drive Chromium.
 */
public final class HostedForm {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern SET_COOKIE = Pattern.compile("^([^=]+)=([^;]*)");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, String> cookies = new LinkedHashMap<>();

    public HttpResponse<String> get(String pathAndQuery) throws Exception {
        return send(HttpRequest.newBuilder(uri(pathAndQuery)).GET());
    }

    public HttpResponse<String> post(String pathAndQuery, Map<String, String> form) throws Exception {
        return send(HttpRequest.newBuilder(uri(pathAndQuery))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form))));
    }

    /** Signs in on the login page the authorization request leads to; returns the answer to the form. */
    public HttpResponse<String> signIn(String authorizeQuery, String username, String password) throws Exception {
        HttpResponse<String> authorize = get("/oauth2/authorize?" + authorizeQuery);
        assertThat(authorize.statusCode()).as(authorize.body()).isEqualTo(302);
        String login = authorize.headers().firstValue("Location").orElseThrow();
        assertThat(login).as("the authorization request leads to the sign-in page").contains("/login?");
        HttpResponse<String> page = get(login);
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        return post(login, Map.of("_csrf", csrf(page), "username", username, "password", password));
    }

    /** A cookie this browser holds (by its name as set, prefix included), or null. */
    public String cookie(String name) {
        return cookies.get(name);
    }

    public static String csrf(HttpResponse<String> page) {
        Matcher m = CSRF.matcher(page.body());
        assertThat(m.find()).as("a CSRF field in " + page.body()).isTrue();
        return m.group(1);
    }

    public static String encode(Map<String, String> form) {
        return form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    /** A parameter of a redirect's query or fragment. */
    public static String parameter(String location, String name) {
        String parameters = location.substring(location.indexOf(location.contains("#") ? '#' : '?') + 1);
        for (String pair : parameters.split("&")) {
            int eq = pair.indexOf('=');
            if (pair.substring(0, eq).equals(name)) {
                return java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("; ")));
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        for (String header : response.headers().allValues("Set-Cookie")) {
            Matcher m = SET_COOKIE.matcher(header);
            if (m.find()) {
                if (header.contains("Max-Age=0")) {
                    cookies.remove(m.group(1));
                } else {
                    cookies.put(m.group(1), m.group(2));
                }
            }
        }
        return response;
    }

    private static URI uri(String pathAndQuery) {
        return pathAndQuery.startsWith("http") ? URI.create(pathAndQuery) : Gatehouse.ENDPOINT.resolve(pathAndQuery);
    }
}
