package io.gatehouse.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.support.ClassicRequestBuilder;
import org.apache.hc.core5.util.Timeout;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The load's HTTP: keep-alive HTTP/1.1 connections (one per client thread, from a pool), JSON in and out, any answer
 * but 2xx an exception.
 *
 * <p>Apache HttpClient's classic blocking client rather than the JDK's {@code java.net.http.HttpClient}: the driver
 * shares the two cores with the server under test, and the JDK's client (a selector thread and futures for every
 * exchange) took about 0.18 ms of CPU per request, a sixth of the cores at 2,000 refreshes a second, which the faster
 * server then lost more of than the slower peer did.
 */
final class Http {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final Timeout TIMEOUT = Timeout.ofSeconds(30);
    private static final CloseableHttpClient CLIENT = client();

    private Http() {
    }

    private static CloseableHttpClient client() {
        PoolingHttpClientConnectionManager connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnTotal(256).setMaxConnPerRoute(256)
                .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(Timeout.ofSeconds(5))
                        .setSocketTimeout(TIMEOUT).build())
                .build();
        return HttpClients.custom().setConnectionManager(connections)
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(TIMEOUT).build())
                .disableAutomaticRetries().disableCookieManagement().disableRedirectHandling()
                .disableContentCompression().build();
    }

    static JsonNode send(ClassicRequestBuilder request) throws IOException {
        return CLIENT.execute(request.build(), response -> {
            String body = response.getEntity() == null ? "" : EntityUtils.toString(response.getEntity(),
                    StandardCharsets.UTF_8);
            if (response.getCode() / 100 != 2) {
                throw new IOException("HTTP " + response.getCode() + ": " + abbreviate(body));
            }
            return body.isEmpty() ? JSON.missingNode() : JSON.readTree(body);
        });
    }

    /** An answer as a browser sees it: any status, the redirect's target and the cookies set. */
    record Answer(int status, String location, List<String> setCookies, String body) {
    }

    /** Sends a request and returns the answer whatever its status; redirects are not followed. */
    static Answer exchange(ClassicRequestBuilder request) throws IOException {
        return CLIENT.execute(request.build(), response -> {
            String body = response.getEntity() == null ? "" : EntityUtils.toString(response.getEntity(),
                    StandardCharsets.UTF_8);
            Header location = response.getFirstHeader("Location");
            return new Answer(response.getCode(), location == null ? null : location.getValue(),
                    Arrays.stream(response.getHeaders("Set-Cookie")).map(Header::getValue).toList(), body);
        });
    }

    static ClassicRequestBuilder postJson(URI uri, Object body) throws IOException {
        return ClassicRequestBuilder.post(uri).setEntity(JSON.writeValueAsString(body), ContentType.APPLICATION_JSON);
    }

    static ClassicRequestBuilder postForm(URI uri, Map<String, String> form) {
        return ClassicRequestBuilder.post(uri).setEntity(encode(form), ContentType.APPLICATION_FORM_URLENCODED);
    }

    /** Parameters as {@code application/x-www-form-urlencoded}: a form's body, or a query. */
    static String encode(Map<String, String> parameters) {
        return parameters.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    static String abbreviate(String body) {
        return body.length() > 300 ? body.substring(0, 300) + "..." : body;
    }
}
