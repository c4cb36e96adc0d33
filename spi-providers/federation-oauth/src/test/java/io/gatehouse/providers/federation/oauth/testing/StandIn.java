package io.gatehouse.providers.federation.oauth.testing;

import com.nimbusds.jose.util.JSONObjectUtils;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An IdP's stand-in on this machine's loopback, speaking its real protocol over real HTTP: a test gives it a handler
 * per path. A handler that throws answers 500, and what it threw is kept in {@link #failures} for the test to show.
 */
public final class StandIn implements AutoCloseable {

    /** What answers a request. */
    @FunctionalInterface
    public interface Handler {
        void handle(HttpExchange exchange) throws Exception;
    }

    /** What handlers threw. */
    public final List<Throwable> failures = new CopyOnWriteArrayList<>();
    private final HttpServer server;

    public StandIn() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.start();
    }

    /** Its base URL: {@code http://127.0.0.1:<port>}. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Answers requests to {@code path} (and below it) with {@code handler}. */
    public StandIn on(String path, Handler handler) {
        server.createContext(path, exchange -> {
            try {
                handler.handle(exchange);
            } catch (Throwable e) {
                failures.add(e);
                answer(exchange, 500, "text/plain", String.valueOf(e));
            }
        });
        return this;
    }

    /** The request's query parameters. */
    public static Map<String, List<String>> query(HttpExchange exchange) {
        return Browser.decode(exchange.getRequestURI().getRawQuery());
    }

    /** The request's form parameters. */
    public static Map<String, List<String>> form(HttpExchange exchange) throws IOException {
        return Browser.decode(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
    }

    /** A JSON answer: a map as its object. */
    public static void json(HttpExchange exchange, int status, Map<String, ?> json) throws IOException {
        answer(exchange, status, "application/json", JSONObjectUtils.toJSONString(json));
    }

    /** A 302 to {@code location}. */
    public static void redirect(HttpExchange exchange, String location) throws IOException {
        exchange.getResponseHeaders().add("Location", location);
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    public static void answer(HttpExchange exchange, int status, String contentType, String text) throws IOException {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
