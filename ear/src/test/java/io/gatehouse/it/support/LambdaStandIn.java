package io.gatehouse.it.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.gatehouse.it.Gatehouse;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stand-in for AWS Lambda in the test JVM, as GreenMail is for SMTP: it speaks Lambda's Invoke API
 * ({@code POST /2015-03-31/functions/{FunctionName}/invocations}, {@code X-Amz-Function-Error} for a function's
 * error), on the fixed port the test servers' {@code gatehouse.trigger.lambda.endpoint} names, and checks each
 * request's SigV4 signature (service {@code lambda}, the region of its scope) for the configured test credential by
 * signing the request again with the AWS SDK's own signer. A request whose signature does not check is answered
 * {@code 403 InvalidSignatureException}, as Lambda answers it, and never reaches a function.
 */
public final class LambdaStandIn implements AutoCloseable {

    /** The account in the ARNs of {@link #arn}. */
    public static final String ACCOUNT = "123456789012";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern INVOCATIONS = Pattern.compile("/2015-03-31/functions/([^/]+)/invocations");
    private static final Pattern AUTHORIZATION = Pattern.compile("AWS4-HMAC-SHA256 Credential=([^/]+)/(\\d{8})/"
            + "([a-z0-9-]+)/([a-z0-9-]+)/aws4_request, ?SignedHeaders=([a-z0-9;-]+), ?Signature=([0-9a-f]{64})");
    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final Duration SKEW = Duration.ofMinutes(5);

    /** What a function answers: a status, whether it is the function's error, and the payload. */
    public record Answer(int status, String functionError, String body) {

        /** The event with its {@code response} replaced by {@code response}, as a handler returns it. */
        public static Answer respond(JsonNode event, JsonNode response) {
            ObjectNode answered = event.deepCopy();
            answered.set("response", response);
            return new Answer(200, null, answered.toString());
        }

        /** The handler threw: Lambda's 200 with {@code X-Amz-Function-Error: Unhandled} and its error object. */
        public static Answer error(String message) {
            return new Answer(200, "Unhandled", JSON.createObjectNode().put("errorType", "Error")
                    .put("errorMessage", message).set("trace", JSON.createArrayNode()).toString());
        }

        /** The handler returned this payload as it is. */
        public static Answer payload(String body) {
            return new Answer(200, null, body);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final Map<String, Function<JsonNode, Answer>> functions = new ConcurrentHashMap<>();
    private final List<JsonNode> events = new CopyOnWriteArrayList<>();
    private final List<String> invoked = new CopyOnWriteArrayList<>();
    private final AtomicInteger refusedSignatures = new AtomicInteger();
    private final String accessKeyId;
    private volatile String secretAccessKey;

    /** On the port and with the credential the build gave the test servers. */
    public LambdaStandIn() throws IOException {
        this(Integer.parseInt(Gatehouse.property("gatehouse.it.trigger.lambda.port")),
                Gatehouse.property("gatehouse.it.trigger.lambda.access-key-id"),
                Gatehouse.property("gatehouse.it.trigger.lambda.secret-access-key"));
    }

    public LambdaStandIn(int port, String accessKeyId, String secretAccessKey) throws IOException {
        this.accessKeyId = accessKeyId;
        this.secretAccessKey = secretAccessKey;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** The ARN of a function of this name, in the test account and region. */
    public static String arn(String name) {
        return "arn:aws:lambda:" + Gatehouse.REGION.id() + ":" + ACCOUNT + ":function:" + name;
    }

    /** Deploys the function {@code name}; it replaces any before it. */
    public LambdaStandIn on(String name, Function<JsonNode, Answer> function) {
        functions.put(name, function);
        return this;
    }

    /** Checks signatures against another secret from now on: the test servers' signatures no longer check. */
    public void expectSecret(String secret) {
        this.secretAccessKey = secret;
    }

    /** The events functions received, in order. */
    public List<JsonNode> events() {
        return List.copyOf(events);
    }

    /** The events received for a trigger source. */
    public List<JsonNode> events(String triggerSource) {
        return events.stream().filter(e -> e.path("triggerSource").asText().equals(triggerSource)).toList();
    }

    /** The FunctionName of each invocation that reached a function, as the path named it (decoded). */
    public List<String> invoked() {
        return List.copyOf(invoked);
    }

    /** How many requests came with a signature that did not check. */
    public int refusedSignatures() {
        return refusedSignatures.get();
    }

    public void clear() {
        events.clear();
        invoked.clear();
        refusedSignatures.set(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Matcher path = INVOCATIONS.matcher(exchange.getRequestURI().getRawPath());
            if (!"POST".equals(exchange.getRequestMethod()) || !path.matches()) {
                error(exchange, 404, "UnknownOperationException", "Unknown operation");
                return;
            }
            if (!signatureChecks(exchange, body)) {
                refusedSignatures.incrementAndGet();
                error(exchange, 403, "InvalidSignatureException", "The request signature we calculated does not "
                        + "match the signature you provided.");
                return;
            }
            String invocationType = exchange.getRequestHeaders().getFirst("X-Amz-Invocation-Type");
            if (invocationType != null && !"RequestResponse".equals(invocationType)) {
                error(exchange, 400, "InvalidParameterValueException", "only RequestResponse here");
                return;
            }
            String functionName = URLDecoder.decode(path.group(1), StandardCharsets.UTF_8);
            Function<JsonNode, Answer> function = functions.get(name(functionName));
            if (function == null) {
                error(exchange, 404, "ResourceNotFoundException", "Function not found: " + functionName);
                return;
            }
            JsonNode event = JSON.readTree(body);
            events.add(event);
            invoked.add(functionName);
            Answer answer = function.apply(event);
            if (answer.functionError() != null) {
                exchange.getResponseHeaders().set("X-Amz-Function-Error", answer.functionError());
            }
            exchange.getResponseHeaders().set("X-Amz-Executed-Version", "$LATEST");
            send(exchange, answer.status(), answer.body());
        }
    }

    /** A function's name from a FunctionName: a name, or a full or partial ARN, with or without a qualifier. */
    private static String name(String functionName) {
        int at = functionName.indexOf("function:");
        String name = at < 0 ? functionName : functionName.substring(at + "function:".length());
        int qualifier = name.indexOf(':');
        return qualifier < 0 ? name : name.substring(0, qualifier);
    }

    /**
     * Whether the request is signed for service {@code lambda} with the expected credential, within five minutes of
     * now: signs the same request again (its signed headers, its path and body) with the SDK's SigV4 signer at the
     * request's own time, and compares the signatures.
     */
    private boolean signatureChecks(HttpExchange exchange, byte[] body) {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        String amzDate = exchange.getRequestHeaders().getFirst("X-Amz-Date");
        Matcher auth = authorization == null ? null : AUTHORIZATION.matcher(authorization);
        if (auth == null || !auth.matches() || amzDate == null || !accessKeyId.equals(auth.group(1))
                || !"lambda".equals(auth.group(4))) {
            return false;
        }
        Instant signedAt;
        try {
            signedAt = ZonedDateTime.parse(amzDate, AMZ_DATE).toInstant();
        } catch (DateTimeParseException e) {
            return false;
        }
        if (Duration.between(signedAt, Instant.now()).abs().compareTo(SKEW) > 0
                || !auth.group(2).equals(amzDate.substring(0, 8))) {
            return false;
        }
        URI received = exchange.getRequestURI();
        String host = exchange.getRequestHeaders().getFirst("Host");
        SdkHttpRequest.Builder request = SdkHttpRequest.builder().method(SdkHttpMethod.POST)
                .uri(URI.create("http://" + host + received.getRawPath()
                        + (received.getRawQuery() == null ? "" : "?" + received.getRawQuery())));
        List<String> signedHeaders = Arrays.asList(auth.group(5).split(";"));
        for (String header : signedHeaders) {
            if (!List.of("host", "x-amz-date", "authorization").contains(header)) {
                List<String> values = exchange.getRequestHeaders().get(header);
                if (values == null) {
                    return false;
                }
                request.putHeader(header, values);
            }
        }
        String expected = AwsV4HttpSigner.create().sign(r -> r
                        .identity(AwsCredentialsIdentity.create(accessKeyId, secretAccessKey))
                        .request(request.build())
                        .payload(ContentStreamProvider.fromByteArray(body))
                        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "lambda")
                        .putProperty(AwsV4HttpSigner.REGION_NAME, auth.group(3))
                        .putProperty(HttpSigner.SIGNING_CLOCK, Clock.fixed(signedAt, ZoneOffset.UTC)))
                .request().firstMatchingHeader("Authorization").orElse("");
        Matcher resigned = AUTHORIZATION.matcher(expected);
        return resigned.matches() && resigned.group(5).equals(auth.group(5))
                && MessageDigest.isEqual(resigned.group(6).getBytes(StandardCharsets.US_ASCII),
                auth.group(6).getBytes(StandardCharsets.US_ASCII));
    }

    private static void error(HttpExchange exchange, int status, String type, String message) throws IOException {
        exchange.getResponseHeaders().set("X-Amzn-ErrorType", type);
        send(exchange, status, JSON.createObjectNode().put("Type", "User").put("message", message).toString());
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    /** For the log of a failing test. */
    @Override
    public String toString() {
        return "LambdaStandIn[" + server.getAddress() + ", " + events.size() + " events, " + refusedSignatures
                + " refused]";
    }
}
