package io.gatehouse.it.fuzz;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** An HTTP answer, whether the JDK's client or {@link RawHttp} received it. Header names are case-insensitive. */
record Answer(int status, Map<String, List<String>> headers, String body) {

    static Answer of(HttpResponse<String> response) {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.putAll(response.headers().map());
        return new Answer(response.statusCode(), headers, response.body());
    }

    Optional<String> header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    List<String> all(String name) {
        return headers.getOrDefault(name, List.of());
    }
}
