package io.gatehouse.providers.password.hibp;

import io.gatehouse.api.password.BreachVerdict;
import io.gatehouse.api.password.PasswordSha1;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.OptionalLong;

/**
 * One question to the range API: {@code GET {base}/range/{prefix}} with {@code Add-Padding: true}, so the answer's
 * size does not tell the prefix either; the answer is {@code SUFFIX:COUNT} lines, padding lines having count 0.
 * Only the 5-digit prefix leaves the server.
 */
final class HibpRangeClient {

    static final int PREFIX = 5;
    /** A range answer is a few tens of KB; more is not the API. */
    private static final int MAX_BODY = 2 * 1024 * 1024;

    private final HttpClient http;
    private final URI base;
    private final Duration timeout;
    private final int minimumOccurrences;

    HibpRangeClient(HttpClient http, URI base, Duration timeout, int minimumOccurrences) {
        this.http = http;
        this.base = base;
        this.timeout = timeout;
        this.minimumOccurrences = minimumOccurrences;
    }

    BreachVerdict check(PasswordSha1 password) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/range/" + password.prefix(PREFIX)))
                .timeout(timeout).header("Add-Padding", "true").header("User-Agent", "Gatehouse-password-hibp")
                .GET().build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            return unavailable("no answer within " + timeout.toMillis() + " ms");
        } catch (IOException e) {
            return unavailable("cannot reach " + base.getHost() + ": " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return unavailable("interrupted");
        }
        if (response.statusCode() != 200) {
            return unavailable("HTTP " + response.statusCode() + " from " + base.getHost());
        }
        if (response.body().length() > MAX_BODY) {
            return unavailable("an answer larger than " + MAX_BODY + " characters from " + base.getHost());
        }
        return find(response.body(), password.suffix(PREFIX));
    }

    /** Reads the answer's lines for the suffix; padding lines (count 0) never match. */
    BreachVerdict find(String body, String suffix) {
        for (String line : body.split("\r?\n")) {
            int colon = line.indexOf(':');
            if (colon != suffix.length() || !line.regionMatches(true, 0, suffix, 0, colon)) {
                continue;
            }
            long count;
            try {
                count = Long.parseLong(line.substring(colon + 1).trim());
            } catch (NumberFormatException e) {
                return unavailable("a line of the answer is not SUFFIX:COUNT");
            }
            return count >= minimumOccurrences && count > 0 ? BreachVerdict.breached(OptionalLong.of(count))
                    : BreachVerdict.notFound();
        }
        return BreachVerdict.notFound();
    }

    /** The API could not answer: UNAVAILABLE, which the server logs (at most once a minute) and decides upon. */
    private static BreachVerdict unavailable(String why) {
        return BreachVerdict.unavailable(why);
    }

    void close() {
        // HttpClient is closeable only from Java 21; its threads end with the application's class loader.
    }
}
