package io.gatehouse.it.cognito;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatehouse.it.Gatehouse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A flood of unauthenticated sign-ins for users who do not exist (each spends a password hash, on purpose) is
 * turned away with Cognito's TooManyRequestsException once the hasher's queue is full, instead of queueing without
 * bound and stalling every sign-in. The test servers run with a hash queue of one and one hashing thread
 * ({@code gatehouse.spi.user-store.jdbc.argon2.*} in ear/pom.xml): the other suites sign in one call at a time,
 * so only a flood reaches the bound.
 */
class HashQueueIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CALLS = 48;

    private static CognitoIdentityProviderClient cognito;

    @BeforeAll
    static void client() {
        cognito = Gatehouse.adminClient();
    }

    @AfterAll
    static void close() {
        cognito.close();
    }

    @Test
    void signInFloodWhenHashQueueFullThenSomeAnsweredTooManyRequestsAndNoneFailsOtherwise() throws Exception {
        String pool = cognito.createUserPool(r -> r.poolName("flooded")).userPool().id();
        String client = Clients.passwordClient(cognito, pool);

        List<CompletableFuture<Answer>> calls = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < CALLS; i++) {
            String body = JSON.writeValueAsString(Map.of("ClientId", client, "AuthFlow", "USER_PASSWORD_AUTH",
                    "AuthParameters", Map.of("USERNAME", "nobody-" + UUID.randomUUID(), "PASSWORD", "Guess-1234")));
            calls.add(Gatehouse.HTTP.sendAsync(HttpRequest.newBuilder(Gatehouse.ENDPOINT.resolve("/"))
                    .header("Content-Type", RawCall.CONTENT_TYPE)
                    .header("X-Amz-Target", RawCall.target("InitiateAuth"))
                    .timeout(Duration.ofSeconds(60))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString())
                    .thenApply(r -> new Answer(errorType(r), Duration.ofNanos(System.nanoTime() - start))));
        }
        CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).get(90, TimeUnit.SECONDS);
        List<Answer> answers = calls.stream().map(CompletableFuture::join).toList();

        Map<String, Long> types = answers.stream().collect(Collectors.groupingBy(Answer::type, Collectors.counting()));
        assertThat(types.keySet()).as("answers: %s", types)
                .containsExactlyInAnyOrder("NotAuthorizedException", "TooManyRequestsException");
        assertThat(answers.stream().filter(a -> a.type().equals("TooManyRequestsException"))
                .map(Answer::after).min(Duration::compareTo).orElseThrow())
                .as("a refusal comes at once, not after the hashes queued before it")
                .isLessThan(Duration.ofSeconds(5));
    }

    /** A call's outcome and how long after the flood began it came. */
    private record Answer(String type, Duration after) {
    }

    /** The answer's status and Cognito error type, "500" and the like for anything not in Cognito's 400 form. */
    private static String errorType(HttpResponse<String> response) {
        if (response.statusCode() != 400) {
            return response.statusCode() + ": " + response.body();
        }
        try {
            return JSON.readTree(response.body()).path("__type").asText();
        } catch (Exception e) {
            return "unreadable: " + response.body();
        }
    }
}
