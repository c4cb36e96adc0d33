package io.gatehouse.engine.oauth;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Parameters added to a client's redirect URI, in its query (code flow) or its fragment (implicit flow). */
public final class RedirectParameters {

    private final Map<String, String> values = new LinkedHashMap<>();

    /** Adds a parameter; a null value is left out. */
    public RedirectParameters add(String name, String value) {
        if (value != null) {
            values.put(name, value);
        }
        return this;
    }

    /** {@code redirectUri} with the parameters appended to its query, or set as its fragment. */
    public URI appendTo(URI redirectUri, boolean fragment) {
        String encoded = encode(values);
        String base = redirectUri.toString();
        if (fragment) {
            int hash = base.indexOf('#');
            return URI.create((hash < 0 ? base : base.substring(0, hash)) + "#" + encoded);
        }
        int hash = base.indexOf('#');
        String withoutFragment = hash < 0 ? base : base.substring(0, hash);
        return URI.create(withoutFragment + (redirectUri.getRawQuery() == null ? "?" : "&") + encoded);
    }

    /** {@code application/x-www-form-urlencoded} pairs. */
    public static String encode(Map<String, String> values) {
        StringBuilder encoded = new StringBuilder();
        values.forEach((name, value) -> {
            if (encoded.length() > 0) {
                encoded.append('&');
            }
            encoded.append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        });
        return encoded.toString();
    }

    /**
     * The pairs of an {@code application/x-www-form-urlencoded} string, each name's values in order (a SAML
     * IdP-initiated sign-in's relay state carries the app's authorization request this way).
     *
     * @throws IllegalArgumentException for malformed percent-encoding
     */
    public static Map<String, List<String>> decode(String encoded) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            values.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        return values;
    }
}
