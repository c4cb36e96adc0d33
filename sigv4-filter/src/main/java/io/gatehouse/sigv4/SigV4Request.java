package io.gatehouse.sigv4;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A request as it arrived, with what SigV4 signs: the method, the path and query exactly as sent (still
 * percent-encoded), every header, and the body.
 *
 * @param method   the HTTP method
 * @param rawPath  the path as sent, percent-encoding intact
 * @param rawQuery the query string as sent, or null
 * @param headers  header name (any case) to its values in arrival order; kept under lower-case names
 * @param body     the body's bytes
 */
public record SigV4Request(String method, String rawPath, String rawQuery, Map<String, List<String>> headers,
                           byte[] body) {

    public SigV4Request {
        TreeMap<String, List<String>> lower = new TreeMap<>();
        headers.forEach((name, values) -> lower.computeIfAbsent(name.toLowerCase(Locale.ROOT),
                k -> new ArrayList<>()).addAll(values));
        lower.replaceAll((name, values) -> List.copyOf(values));
        headers = Collections.unmodifiableMap(lower);
        body = body.clone();
    }

    /** The first value of a header (name in any case), or null. */
    public String header(String name) {
        List<String> values = values(name);
        return values.isEmpty() ? null : values.get(0);
    }

    /** Every value of a header (name in any case), in arrival order. */
    public List<String> values(String name) {
        return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    /** The body without a copy, for hashing. */
    byte[] bodyBytes() {
        return body;
    }
}
