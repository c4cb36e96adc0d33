package io.gatehouse.it.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A webhook receiver for trigger tests, in the test JVM on loopback: it checks each request's
 * {@code X-Gatehouse-Signature} as the README tells a receiver to (HMAC-SHA256 of {@code "<t>.<body>"} under the
 * webhook secret, compared in constant time, {@code t} within five minutes), keeps every event it got, and answers
 * each path with the function registered for it: the event with {@code response} filled in, as a Lambda function
 * returns it, or an error. A request whose signature does not check gets 401 and is not kept.
 */
public final class TriggerStandIn implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What a function answers: a status and a body. */
    public record Answer(int status, String body) {

        /** The event with its {@code response} replaced by {@code response}. */
        public static Answer respond(JsonNode event, JsonNode response) {
            ObjectNode answered = event.deepCopy();
            answered.set("response", response);
            return new Answer(200, answered.toString());
        }

        /** The function's thrown error, as a webhook reports it. */
        public static Answer error(String message) {
            return new Answer(400, JSON.createObjectNode().put("errorMessage", message).toString());
        }
    }

    private final HttpServer server;
    private final byte[] secret;
    private final Map<String, Function<JsonNode, Answer>> functions = new ConcurrentHashMap<>();
    private final List<JsonNode> events = new CopyOnWriteArrayList<>();
    private volatile int refusedSignatures;

    public TriggerStandIn() throws IOException {
        this.secret = System.getProperty("gatehouse.it.trigger.webhook-secret").getBytes(StandardCharsets.UTF_8);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", this::handle);
        server.start();
    }

    /** The URL of a function at {@code path} ({@code /pre-sign-up}), for a pool's LambdaConfig. */
    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** Registers the function at {@code path}; it replaces any before it. */
    public TriggerStandIn on(String path, Function<JsonNode, Answer> function) {
        functions.put(path, function);
        return this;
    }

    /** The events received, in order, with good signatures. */
    public List<JsonNode> events() {
        return List.copyOf(events);
    }

    /** The events received for a trigger source. */
    public List<JsonNode> events(String triggerSource) {
        return events.stream().filter(e -> e.path("triggerSource").asText().equals(triggerSource)).toList();
    }

    /** How many requests came with a signature that did not check. */
    public int refusedSignatures() {
        return refusedSignatures;
    }

    public void clear() {
        events.clear();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (!signed(exchange.getRequestHeaders().getFirst("X-Gatehouse-Signature"), body)) {
                refusedSignatures++;
                send(exchange, new Answer(401, "{\"errorMessage\":\"bad signature\"}"));
                return;
            }
            JsonNode event = JSON.readTree(body);
            events.add(event);
            Function<JsonNode, Answer> function = functions.get(exchange.getRequestURI().getPath());
            send(exchange, function == null ? new Answer(404, "no function here") : function.apply(event));
        }
    }

    private boolean signed(String header, byte[] body) {
        if (header == null || !header.matches("t=\\d+,v1=[0-9a-f]{64}")) {
            return false;
        }
        String timestamp = header.substring(2, header.indexOf(','));
        if (Math.abs(Instant.now().getEpochSecond() - Long.parseLong(timestamp)) > 300) {
            return false;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            byte[] expected = mac.doFinal(body);
            return MessageDigest.isEqual(expected, HexFormat.of().parseHex(header.substring(header.indexOf("v1=") + 3)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void send(HttpExchange exchange, Answer answer) throws IOException {
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(answer.status(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
