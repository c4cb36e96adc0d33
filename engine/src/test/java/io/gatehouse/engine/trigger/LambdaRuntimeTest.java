package io.gatehouse.engine.trigger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.gatehouse.engine.json.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Lambda runtime against a local server that answers as Lambda's Invoke API does (the integration tests' stand-in
 * also checks the signature): what it sends, and how each kind of answer becomes a trigger's outcome.
 */
class LambdaRuntimeTest {

    private static final String ARN = "arn:aws:lambda:eu-west-1:123456789012:function:pre-sign-up";

    /** A response of the stand-in: status, headers, body. */
    private record Reply(int status, Map<String, String> headers, String body) {
        static Reply ok(String body) {
            return new Reply(200, Map.of(), body);
        }
    }

    /** A request as it arrived. */
    private record Seen(String method, String path, Map<String, List<String>> headers, String body) {
    }

    private HttpServer server;
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private volatile Function<Seen, Reply> function = s -> Reply.ok(s.body());
    private LambdaRuntime runtime;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", this::handle);
        server.start();
        runtime = new LambdaRuntime();
        runtime.endpoint = Optional.of(URI.create("http://127.0.0.1:" + server.getAddress().getPort()));
        runtime.region = Optional.empty();
        runtime.accessKeyId = Optional.of("AKIDLAMBDATEST");
        runtime.secretAccessKey = Optional.of("lambda-test-secret");
        runtime.connectTimeout = Duration.ofSeconds(1);
        runtime.triggerTimeout = Duration.ofSeconds(2);
    }

    @AfterEach
    void stop() {
        runtime.stop();
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Seen request = new Seen(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                    Map.copyOf(exchange.getRequestHeaders()),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            seen.add(request);
            Reply reply = function.apply(request);
            reply.headers().forEach(exchange.getResponseHeaders()::set);
            byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
            exchange.getResponseBody().write(body);
        }
    }

    private static ObjectNode event() {
        ObjectNode event = Json.MAPPER.createObjectNode();
        event.put("version", "1").put("triggerSource", "PreSignUp_SignUp").put("userName", "amy");
        event.putObject("request").putObject("userAttributes").put("email", "amy@example.com");
        event.putObject("response");
        return event;
    }

    private JsonNode invoke(Duration timeout) throws TriggerFailure {
        return runtime.invoke(new TriggerTarget.LambdaFunction(ARN, "eu-west-1"), event(), timeout);
    }

    @Test
    void invokeThenSignedRequestResponsePostOfTheEventToTheFunctionsInvocationsAndItsAnswerBack() throws Exception {
        function = s -> Reply.ok(s.body().replace("\"response\":{}", "\"response\":{\"autoConfirmUser\":true}"));

        JsonNode answer = invoke(Duration.ofSeconds(2));

        assertThat(answer.path("response").path("autoConfirmUser").asBoolean()).isTrue();
        Seen request = seen.get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(URLDecoder.decode(request.path(), StandardCharsets.UTF_8))
                .isEqualTo("/2015-03-31/functions/" + ARN + "/invocations");
        assertThat(request.headers().get("X-amz-invocation-type")).containsExactly("RequestResponse");
        assertThat(request.headers().get("Authorization").get(0)).startsWith("AWS4-HMAC-SHA256 ")
                .contains("Credential=AKIDLAMBDATEST/").contains("/eu-west-1/lambda/aws4_request");
        assertThat(Json.MAPPER.readTree(request.body())).isEqualTo(event());
    }

    @Test
    void invokeWhenTheRegionIsConfiguredThenSignedForIt() throws Exception {
        runtime.region = Optional.of("us-west-2");

        invoke(Duration.ofSeconds(2));

        assertThat(seen.get(0).headers().get("Authorization").get(0)).contains("/us-west-2/lambda/aws4_request");
    }

    @Test
    void invokeWhenTheFunctionThrowsThenFunctionErrorWithItsErrorMessage() {
        function = s -> new Reply(200, Map.of("X-Amz-Function-Error", "Unhandled"),
                "{\"errorType\":\"Error\",\"errorMessage\":\"Only example.com may sign up\",\"trace\":[]}");

        assertThatThrownBy(() -> invoke(Duration.ofSeconds(2))).isInstanceOfSatisfying(TriggerFailure.class, e -> {
            assertThat(e.kind()).isEqualTo(TriggerFailure.Kind.FUNCTION_ERROR);
            assertThat(e.getMessage()).isEqualTo("Only example.com may sign up");
        });
        assertThat(seen).hasSize(1);
    }

    @Test
    void invokeWhenTheAnswerIsNotAJsonObjectThenInvalidResponse() {
        for (String garbage : List.of("this is not the event", "null", "[1,2]", "")) {
            function = s -> Reply.ok(garbage);
            assertThatThrownBy(() -> invoke(Duration.ofSeconds(2))).as(garbage)
                    .isInstanceOfSatisfying(TriggerFailure.class,
                            e -> assertThat(e.kind()).isEqualTo(TriggerFailure.Kind.INVALID_RESPONSE));
        }
    }

    @Test
    void invokeWhenThrottledOrFailingThenThreeAttemptsAndUnavailable() {
        function = s -> new Reply(429, Map.of("X-Amzn-ErrorType", "TooManyRequestsException"),
                "{\"message\":\"Rate exceeded\"}");

        assertThatThrownBy(() -> invoke(Duration.ofSeconds(4))).isInstanceOfSatisfying(TriggerFailure.class, e -> {
            assertThat(e.kind()).isEqualTo(TriggerFailure.Kind.UNAVAILABLE);
            assertThat(e.getMessage()).isEqualTo("TooManyRequestsException");
        });
        assertThat(seen).hasSize(LambdaRuntime.ATTEMPTS);
    }

    @Test
    void invokeWhenAServerErrorPassesThenTheRetryAnswers() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        function = s -> calls.incrementAndGet() == 1
                ? new Reply(500, Map.of("X-Amzn-ErrorType", "ServiceException"), "{\"message\":\"oops\"}")
                : Reply.ok(s.body());

        assertThat(invoke(Duration.ofSeconds(4)).path("userName").asText()).isEqualTo("amy");
        assertThat(seen).hasSize(2);
    }

    @Test
    void invokeWhenLambdaRefusesTheCallThenUnavailableWithoutRetry() {
        function = s -> new Reply(404, Map.of("X-Amzn-ErrorType", "ResourceNotFoundException"),
                "{\"Type\":\"User\",\"message\":\"Function not found\"}");

        assertThatThrownBy(() -> invoke(Duration.ofSeconds(2))).isInstanceOfSatisfying(TriggerFailure.class, e -> {
            assertThat(e.kind()).isEqualTo(TriggerFailure.Kind.UNAVAILABLE);
            assertThat(e.getMessage()).isEqualTo("ResourceNotFoundException");
        });
        assertThat(seen).hasSize(1);
    }

    @Test
    void invokeWhenTheFunctionIsTooSlowThenUnavailableWithinTheTimeout() {
        function = s -> {
            try {
                Thread.sleep(3_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Reply.ok(s.body());
        };

        long started = System.nanoTime();
        assertThatThrownBy(() -> invoke(Duration.ofMillis(800))).isInstanceOfSatisfying(TriggerFailure.class, e -> {
            assertThat(e.kind()).isEqualTo(TriggerFailure.Kind.UNAVAILABLE);
            assertThat(e.getMessage()).isEqualTo("TimeoutException");
        });
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(2_000));
    }

    @Test
    void invokeWhenNothingListensThenUnavailable() {
        runtime.endpoint = Optional.of(URI.create("http://127.0.0.1:9"));

        assertThatThrownBy(() -> invoke(Duration.ofSeconds(2))).isInstanceOfSatisfying(TriggerFailure.class,
                e -> assertThat(e.kind()).isEqualTo(TriggerFailure.Kind.UNAVAILABLE));
    }
}
