package io.gatehouse.engine.cognito.sigv4;

import jakarta.servlet.http.HttpServletRequest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * An HTTP request as it arrived, with what SigV4 signs: method, the path and query exactly as sent (still
 * percent-encoded), every header, and the body.
 *
 * @param method   the HTTP method
 * @param rawPath  the request path as sent, percent-encoding intact
 * @param rawQuery the query string as sent, or null
 * @param headers  header name (any case) to its values in arrival order
 * @param body     the body bytes
 */
public record SignedRequest(String method, String rawPath, String rawQuery, Map<String, List<String>> headers,
                            byte[] body) {

    public SignedRequest {
        TreeMap<String, List<String>> lower = new TreeMap<>();
        headers.forEach((name, values) -> lower.computeIfAbsent(name.toLowerCase(Locale.ROOT),
                k -> new ArrayList<>()).addAll(values));
        headers = Collections.unmodifiableMap(lower);
        body = body.clone();
    }

    /** The servlet request {@code http} with this body, as SigV4 sees it. */
    public static SignedRequest of(HttpServletRequest http, byte[] body) {
        Map<String, List<String>> headers = new HashMap<>();
        for (String name : Collections.list(http.getHeaderNames())) {
            headers.put(name, new ArrayList<>(Collections.list(http.getHeaders(name))));
        }
        return new SignedRequest(http.getMethod(), http.getRequestURI(), http.getQueryString(), headers, body);
    }

    /** The first value of a header (name in any case), or null. */
    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    @Override
    public byte[] body() {
        return body.clone();
    }
}
