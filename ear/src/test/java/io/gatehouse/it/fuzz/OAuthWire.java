package io.gatehouse.it.fuzz;

import io.gatehouse.it.Gatehouse;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser reduced to what the fuzzer needs: it keeps the hosted UI's cookies (by hand, as the JDK's store will
 * not send a Secure cookie over http), follows no redirect, and reads a page's CSRF token.
 */
final class OAuthWire {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern SET_COOKIE = Pattern.compile("^([^=;]+)=([^;]*)");
    /** Headers the JDK's client refuses to be given. */
    private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, String> cookies = new LinkedHashMap<>();

    /** The answer, or null when none came within {@link ApiWire#PATIENCE}. */
    Answer send(OAuthCase c) throws IOException, InterruptedException {
        String cookie = cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("; "));
        Map<String, String> headers = new LinkedHashMap<>(c.headers());
        if (!cookie.isEmpty()) {
            headers.merge("Cookie", cookie, (own, jar) -> own + "; " + jar);
        }
        Answer answer = sendable(c.pathAndQuery()) && headers.values().stream().allMatch(OAuthWire::sendable)
                ? viaJdk(c, headers) : RawHttp.send(c.method(), c.pathAndQuery(), headers, c.body());
        if (answer == null) {
            return null;
        }
        for (String set : answer.all("Set-Cookie")) {
            Matcher m = SET_COOKIE.matcher(set);
            if (m.find()) {
                if (m.group(2).isEmpty() || set.contains("Max-Age=0")) {
                    cookies.remove(m.group(1).trim());
                } else {
                    cookies.put(m.group(1).trim(), m.group(2));
                }
            }
        }
        return answer;
    }

    private Answer viaJdk(OAuthCase c, Map<String, String> headers) throws IOException, InterruptedException {
        HttpRequest.BodyPublisher body = c.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(c.body());
        HttpRequest.Builder request = HttpRequest.newBuilder(Gatehouse.ENDPOINT.resolve(c.pathAndQuery()))
                .timeout(ApiWire.PATIENCE).method(c.method(), body);
        headers.forEach((name, value) -> {
            if (!RESTRICTED.contains(name.toLowerCase())) {
                request.header(name, value);
            }
        });
        try {
            return Answer.of(http.send(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
        } catch (HttpTimeoutException e) {
            return null;
        }
    }

    /**
     * Whether the JDK's client will send this request target or header value: it refuses broken percent-encoding
     * in a URI and control characters in a header, which {@link RawHttp} sends as a careless client would.
     */
    private static boolean sendable(String text) {
        if (text.startsWith("/")) {
            try {
                Gatehouse.ENDPOINT.resolve(text);
                return true;
            } catch (IllegalArgumentException e) {
                return false;
            }
        }
        return text.chars().noneMatch(ch -> ch < 0x20 && ch != '\t' || ch == 0x7f || ch > 0xff);
    }

    /** The CSRF token of a page, if it has a form. */
    static Optional<String> csrf(Answer page) {
        Matcher m = CSRF.matcher(page.body());
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    void forgetCookies() {
        cookies.clear();
    }
}
