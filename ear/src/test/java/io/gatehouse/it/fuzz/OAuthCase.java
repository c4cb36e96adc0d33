package io.gatehouse.it.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * One request the fuzzer makes to an OAuth or hosted-UI endpoint: the endpoint it was made for, its method, path
 * and query, extra headers, its body (null for none) and the mutation that made it.
 */
record OAuthCase(String endpoint, String method, String pathAndQuery, Map<String, String> headers, byte[] body,
                 String mutation) {

    /** Everything the request carried, for telling an echo from a leak. */
    String text() {
        return pathAndQuery + " " + headers + " " + (body == null ? "" : new String(body, StandardCharsets.UTF_8));
    }

    String describe() {
        String text = text();
        return endpoint + " [" + mutation + "] " + method + " " + (text.length() > 1500
                ? text.substring(0, 1500) + "..." : text);
    }
}
