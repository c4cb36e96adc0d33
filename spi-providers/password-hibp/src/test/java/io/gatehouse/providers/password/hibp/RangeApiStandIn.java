package io.gatehouse.providers.password.hibp;

import com.sun.net.httpserver.HttpServer;
import io.gatehouse.api.password.PasswordSha1;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A stand-in for the Pwned Passwords range API on loopback, speaking its protocol: {@code GET /range/{5 hex}}
 * answers {@code SUFFIX:COUNT} lines in upper case with CRLF, and with {@code Add-Padding: true} adds lines of
 * random suffixes with count 0. It knows the passwords it is given, with their counts, and records what it was
 * asked.
 */
final class RangeApiStandIn implements AutoCloseable {

    /** What a request carried: the path and the Add-Padding header. */
    record Asked(String path, String padding) {
    }

    private final HttpServer server;
    private final Map<String, Long> known = new ConcurrentHashMap<>();
    private final List<Asked> asked = new CopyOnWriteArrayList<>();
    private final SecureRandom random = new SecureRandom();
    private volatile int status = 200;
    private volatile long delayMillis;
    private volatile String paddedSuffixOfCountZero;

    RangeApiStandIn() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/range/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            asked.add(new Asked(path, exchange.getRequestHeaders().getFirst("Add-Padding")));
            sleep();
            String prefix = path.substring("/range/".length()).toUpperCase();
            byte[] body = answer(prefix, "true".equals(exchange.getRequestHeaders().getFirst("Add-Padding")))
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/plain");
            exchange.sendResponseHeaders(status, status == 200 ? body.length : -1);
            if (status == 200) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
            exchange.close();
        });
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    RangeApiStandIn knows(String password, long count) {
        known.put(PasswordSha1.of(password).hex(), count);
        return this;
    }

    /** Pads every answer with this password's suffix at count 0, as a padding line could happen to be. */
    RangeApiStandIn padsWith(String password) {
        paddedSuffixOfCountZero = PasswordSha1.of(password).suffix(5);
        return this;
    }

    RangeApiStandIn answering(int status) {
        this.status = status;
        return this;
    }

    RangeApiStandIn slow(long millis) {
        this.delayMillis = millis;
        return this;
    }

    List<Asked> asked() {
        return asked;
    }

    private String answer(String prefix, boolean padding) {
        StringBuilder body = new StringBuilder();
        known.forEach((hex, count) -> {
            if (hex.startsWith(prefix)) {
                body.append(hex.substring(5)).append(':').append(count).append("\r\n");
            }
        });
        if (padding) {
            for (int i = 0; i < 20; i++) {
                byte[] bytes = new byte[18];
                random.nextBytes(bytes);
                body.append(HexFormat.of().withUpperCase().formatHex(bytes), 0, 35).append(":0\r\n");
            }
            if (paddedSuffixOfCountZero != null) {
                body.append(paddedSuffixOfCountZero).append(":0\r\n");
            }
        }
        return body.toString();
    }

    private void sleep() {
        if (delayMillis > 0) {
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
