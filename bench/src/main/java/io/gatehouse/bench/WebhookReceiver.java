package io.gatehouse.bench;

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
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * bench/triggers.sh's webhook: a PreTokenGeneration function served over HTTP on loopback, in a JVM of its own so
 * that its CPU is measured apart from the server's. It does what a careful receiver does and no more: checks
 * {@code X-Gatehouse-Signature} (HMAC-SHA256 of {@code "<t>.<body>"} under the webhook secret, compared in constant
 * time, {@code t} within five minutes), reads the event and answers it with {@code response} filled in, one claim
 * ({@value #CLAIM}{@code =}{@value #VALUE}) in the ID token (V1) or both tokens (V2, V3):
 * <pre>
 *   java ... io.gatehouse.bench.WebhookReceiver PORT      (the secret in GATEHOUSE_TRIGGER_WEBHOOK_SECRET)
 * </pre>
 * {@code POST /pre-token} is the function; {@code GET /stats} answers {@code {"events":N,"refused":M}}, the events
 * answered and the requests refused for their signature, so that the driver can tell that every sign-in reached it.
 */
public final class WebhookReceiver {

    static final String CLAIM = "bench_trigger";
    static final String VALUE = "webhook";
    static final String PATH = "/pre-token";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long MAX_SKEW_SECONDS = 300;

    private final byte[] secret;
    private final ThreadLocal<Mac> macs;
    private final AtomicLong events = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();

    private WebhookReceiver(byte[] secret) {
        this.secret = secret;
        this.macs = ThreadLocal.withInitial(this::newMac);
    }

    public static void main(String[] args) throws IOException {
        String secret = System.getenv("GATEHOUSE_TRIGGER_WEBHOOK_SECRET");
        if (args.length != 1 || secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("usage: WebhookReceiver PORT, with GATEHOUSE_TRIGGER_WEBHOOK_SECRET set");
        }
        // TCP_NODELAY on the accepted connections. Without it the JDK's HttpServer sends an answer's headers and
        // its body in two segments, Nagle holds the body back until the headers are acknowledged, and the server's
        // HttpClient acknowledges late (Linux's delayed ACK, 40 ms): every webhook call took 40 ms longer, and 8
        // clients could not pass about 130 sign-ins a second whatever the CPU (first smoke run, 2026-12-06).
        System.setProperty("sun.net.httpserver.nodelay", "true");
        WebhookReceiver receiver = new WebhookReceiver(secret.getBytes(StandardCharsets.UTF_8));
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(),
                Integer.parseInt(args[0])), 64);
        // As many threads as the server has clients in flight (8); the server keeps its connections alive.
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext(PATH, receiver::function);
        server.createContext("/stats", receiver::stats);
        server.start();
        System.out.println("webhook receiver on http://127.0.0.1:" + server.getAddress().getPort() + PATH);
    }

    private void function(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (!"POST".equals(exchange.getRequestMethod())
                    || !signed(exchange.getRequestHeaders().getFirst("X-Gatehouse-Signature"), body)) {
                refused.incrementAndGet();
                send(exchange, 401, "{\"errorMessage\":\"bad signature\"}".getBytes(StandardCharsets.UTF_8));
                return;
            }
            ObjectNode event = (ObjectNode) JSON.readTree(body);
            ObjectNode claims = JSON.createObjectNode().put(CLAIM, VALUE);
            ObjectNode response = JSON.createObjectNode();
            if ("1".equals(event.path("version").asText())) {
                response.putObject("claimsOverrideDetails").set("claimsToAddOrOverride", claims);
            } else {
                ObjectNode details = response.putObject("claimsAndScopeOverrideDetails");
                details.putObject("idTokenGeneration").set("claimsToAddOrOverride", claims);
                details.putObject("accessTokenGeneration").set("claimsToAddOrOverride", claims.deepCopy());
            }
            event.set("response", response);
            events.incrementAndGet();
            send(exchange, 200, JSON.writeValueAsBytes(event));
        }
    }

    private void stats(HttpExchange exchange) throws IOException {
        try (exchange) {
            send(exchange, 200, ("{\"events\":" + events.get() + ",\"refused\":" + refused.get() + "}")
                    .getBytes(StandardCharsets.UTF_8));
        }
    }

    /** {@code t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">}, t within five minutes of now. */
    private boolean signed(String header, byte[] body) {
        if (header == null || !header.startsWith("t=")) {
            return false;
        }
        int comma = header.indexOf(",v1=");
        if (comma < 0 || header.length() != comma + 4 + 64) {
            return false;
        }
        String timestamp = header.substring(2, comma);
        byte[] given;
        long t;
        try {
            t = Long.parseLong(timestamp);
            given = HexFormat.of().parseHex(header, comma + 4, header.length());
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (Math.abs(Instant.now().getEpochSecond() - t) > MAX_SKEW_SECONDS) {
            return false;
        }
        Mac mac = macs.get();
        mac.update(timestamp.getBytes(StandardCharsets.US_ASCII));
        mac.update((byte) '.');
        byte[] expected = mac.doFinal(body);
        return MessageDigest.isEqual(expected, given);
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
