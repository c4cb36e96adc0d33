package io.gatehouse.providers.credentials.awssts;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A stand-in for an STS on loopback, speaking the Query protocol of {@code AssumeRoleWithWebIdentity} as AWS
 * documents it: a form-encoded {@code POST /}, answered with AWS's XML, errors as {@code ErrorResponse}. It gives the
 * roles it is told to, to any token, with new random credentials each time; it refuses others with
 * {@code AccessDenied}. It records what it was asked, and can be told to answer an error or slowly instead.
 */
final class StsStandIn implements AutoCloseable {

    /** One request as it arrived: the form fields and whether it carried an Authorization header. */
    record Asked(Map<String, String> form, boolean signed, String contentType) {
    }

    private static final String NS = "https://sts.amazonaws.com/doc/2011-06-15/";

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(8);
    private final Set<String> roles;
    private final List<Asked> asked = new CopyOnWriteArrayList<>();
    private final SecureRandom random = new SecureRandom();
    private volatile int errorStatus;
    private volatile String errorCode;
    private volatile String errorMessage;
    private volatile String rawBody;
    private volatile long delayMillis;

    StsStandIn(String... roles) throws IOException {
        this.roles = Set.of(roles);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(threads);
        server.createContext("/", this::answer);
        server.start();
    }

    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<Asked> asked() {
        return asked;
    }

    /** Every call from now on is answered with this error in AWS's form. */
    StsStandIn failing(int status, String code, String message) {
        this.errorStatus = status;
        this.errorCode = code;
        this.errorMessage = message;
        return this;
    }

    /** Every call from now on is answered with this status and body, as something that is not an STS would. */
    StsStandIn answeringRaw(int status, String body) {
        this.errorStatus = status;
        this.rawBody = body;
        return this;
    }

    StsStandIn slow(long millis) {
        this.delayMillis = millis;
        return this;
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(),
                    StandardCharsets.UTF_8));
            asked.add(new Asked(form, exchange.getRequestHeaders().containsKey("Authorization"),
                    exchange.getRequestHeaders().getFirst("Content-Type")));
            if (delayMillis > 0) {
                try {
                    Thread.sleep(delayMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            if (rawBody != null) {
                send(exchange, errorStatus, rawBody);
            } else if (errorCode != null) {
                send(exchange, errorStatus, error(errorCode, errorMessage));
            } else if (!"AssumeRoleWithWebIdentity".equals(form.get("Action"))) {
                send(exchange, 400, error("InvalidAction", "Could not find operation " + form.get("Action")));
            } else if (!roles.contains(form.get("RoleArn"))) {
                send(exchange, 403, error("AccessDenied", "Not authorized to perform sts:AssumeRoleWithWebIdentity"));
            } else {
                send(exchange, 200, credentials(form));
            }
        }
    }

    private String credentials(Map<String, String> form) {
        String role = form.get("RoleArn");
        String session = form.get("RoleSessionName");
        Instant expiration = Instant.now().truncatedTo(ChronoUnit.SECONDS)
                .plusSeconds(Long.parseLong(form.getOrDefault("DurationSeconds", "3600")));
        String accessKeyId = "ASIA" + HexFormat.of().withUpperCase().formatHex(bytes(8));
        return "<AssumeRoleWithWebIdentityResponse xmlns=\"" + NS + "\"><AssumeRoleWithWebIdentityResult>"
                + "<SubjectFromWebIdentityToken>us-east-1:" + UUID.randomUUID() + "</SubjectFromWebIdentityToken>"
                + "<Audience>us-east-1:" + UUID.randomUUID() + "</Audience>"
                + "<AssumedRoleUser><Arn>" + role.replace(":iam:", ":sts:").replace(":role/", ":assumed-role/") + "/"
                + session + "</Arn><AssumedRoleId>AROAEXAMPLE:" + session + "</AssumedRoleId></AssumedRoleUser>"
                + "<Credentials><SessionToken>" + HexFormat.of().formatHex(bytes(64)) + "</SessionToken>"
                + "<SecretAccessKey>" + HexFormat.of().formatHex(bytes(20)) + "</SecretAccessKey>"
                + "<Expiration>" + expiration + "</Expiration>"
                + "<AccessKeyId>" + accessKeyId + "</AccessKeyId></Credentials>"
                + "<Provider>gatehouse.example.com/cognito-identity</Provider>"
                + "</AssumeRoleWithWebIdentityResult><ResponseMetadata><RequestId>" + UUID.randomUUID()
                + "</RequestId></ResponseMetadata></AssumeRoleWithWebIdentityResponse>";
    }

    private static String error(String code, String message) {
        return "<ErrorResponse xmlns=\"" + NS + "\"><Error><Type>Sender</Type><Code>" + code + "</Code><Message>"
                + message + "</Message></Error><RequestId>" + UUID.randomUUID() + "</RequestId></ErrorResponse>";
    }

    private byte[] bytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "text/xml");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static Map<String, String> form(String body) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            fields.put(name, value);
        }
        return fields;
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
