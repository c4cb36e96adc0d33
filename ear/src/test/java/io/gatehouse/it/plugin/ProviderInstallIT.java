package io.gatehouse.it.plugin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatehouse.api.testing.ProviderJarBuilder;
import io.gatehouse.it.Gatehouse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Installs provider jars into the running server with the documented script, as an operator would, and reads
 * the outcome from {@code /health/ready}: no EAR rebuild, no server restart.
 */
class ProviderInstallIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration RESTART_WAIT = Duration.ofSeconds(60);
    private static final String VERSION = Gatehouse.property("gatehouse.it.version");

    @TempDir
    Path work;

    private final List<String> installed = new ArrayList<>();

    @AfterEach
    void uninstall() throws Exception {
        if (!installed.isEmpty()) {
            List<String> args = new ArrayList<>(List.of("--remove"));
            args.addAll(installed);
            script(args);
            awaitReadiness(ready -> providers(ready).isObject() && ready.path("status").asText().equals("UP")
                    && installed.stream().noneMatch(jar -> providers(ready).toString().contains(jar)));
        }
    }

    @Test
    void readinessWhenStartedThenBuiltInProvidersListed() throws Exception {
        JsonNode ready = awaitReadiness(r -> providers(r).isObject());

        assertThat(providers(ready).path("user-store/jdbc").asText())
                .isEqualTo("loaded: version " + VERSION + ", jar io.gatehouse-gatehouse-userstore-jdbc-" + VERSION
                        + ".jar");
        for (String method : List.of("totp", "sms", "email")) {
            assertThat(providers(ready).path("mfa-method/" + method).asText())
                    .isEqualTo("loaded: version " + VERSION + ", jar io.gatehouse-gatehouse-mfa-" + method + "-"
                            + VERSION + ".jar");
        }
    }

    @Test
    void installWhenProviderIsSoundThenListedAndReadinessUp() throws Exception {
        Path jar = ProviderJarBuilder.userStore("com.example.sound", "example-directory", null)
                .version("2.4.1").build(work.resolve("example-directory-2.4.1.jar"));

        install(jar);
        JsonNode ready = awaitReadiness(r -> providers(r).has("user-store/example-directory"));

        assertThat(ready.path("status").asText()).isEqualTo("UP");
        assertThat(providers(ready).path("user-store/example-directory").asText())
                .isEqualTo("loaded: version 2.4.1, jar example-directory-2.4.1.jar");
    }

    @Test
    void installWhenProviderFailsToInitialiseThenReadinessDownWithItsReason() throws Exception {
        Path jar = ProviderJarBuilder.userStore("com.example.broken", "broken-directory",
                "LDAP URL is not configured").build(work.resolve("broken-directory.jar"));

        install(jar);
        JsonNode ready = awaitReadiness(r -> providers(r).has("user-store/broken-directory"));

        assertThat(ready.path("status").asText()).isEqualTo("DOWN");
        assertThat(providers(ready).path("user-store/broken-directory").asText())
                .contains("FAILED: failed to initialise: LDAP URL is not configured")
                .contains("broken-directory.jar");
    }

    @Test
    void installWhenProviderBuiltForAnotherApiThenRefusedAndReadinessDown() throws Exception {
        Path jar = ProviderJarBuilder.userStore("com.example.future", "future-directory", null)
                .apiVersion("2.0").build(work.resolve("future-directory.jar"));

        install(jar);
        JsonNode ready = awaitReadiness(r -> providers(r).has("user-store/future-directory"));

        assertThat(ready.path("status").asText()).isEqualTo("DOWN");
        assertThat(providers(ready).path("user-store/future-directory").asText())
                .contains("refused: built for provider API 2.0");
    }

    @Test
    void installWhenApplicationRestartsThenStoredPoolsSurvive() throws Exception {
        String poolId;
        try (CognitoIdentityProviderClient cognito = Gatehouse.adminClient()) {
            poolId = cognito.createUserPool(r -> r.poolName("survives-restart")).userPool().id();
        }
        Path jar = ProviderJarBuilder.userStore("com.example.restart", "restart-directory", null)
                .build(work.resolve("restart-directory.jar"));

        install(jar);
        JsonNode readiness = awaitReadiness(r -> providers(r).has("user-store/restart-directory"));

        try (CognitoIdentityProviderClient cognito = Gatehouse.adminClient()) {
            assertThat(cognito.describeUserPool(r -> r.userPoolId(poolId)).userPool().name())
                    .isEqualTo("survives-restart");
        }
        // The crypto provider's native code is loaded once per JVM; a shared library keeps it usable by the
        // restarted application (a private copy would fail its self-test and fall back to the JDK).
        assertThat(check(readiness, "gatehouse-token-signing").path("provider").asText())
                .startsWith("AmazonCorrettoCryptoProvider");
    }

    private void install(Path jar) throws Exception {
        installed.add(jar.getFileName().toString());
        script(List.of(jar.toString()));
    }

    private static void script(List<String> args) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", Gatehouse.installScript().toString(),
                "--server", Gatehouse.serverDir().toString()));
        command.addAll(args);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
    }

    /**
     * The provider entries of readiness, or a missing node while the application is restarting: then readiness
     * has no Gatehouse checks at all (and says UP), which must not pass for the new state.
     */
    private static JsonNode providers(JsonNode readiness) {
        return check(readiness, "gatehouse-providers");
    }

    private static JsonNode check(JsonNode readiness, String name) {
        for (JsonNode check : readiness.path("checks")) {
            if (name.equals(check.path("name").asText())) {
                return check.path("data");
            }
        }
        return JSON.missingNode();
    }

    /** Polls readiness until the condition holds: the application restarts asynchronously after the script. */
    private static JsonNode awaitReadiness(Predicate<JsonNode> condition) throws Exception {
        Instant deadline = Instant.now().plus(RESTART_WAIT);
        JsonNode last = null;
        while (Instant.now().isBefore(deadline)) {
            try {
                HttpResponse<String> response = Gatehouse.HTTP.send(HttpRequest.newBuilder(
                                Gatehouse.ENDPOINT.resolve("/health/ready")).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.body().startsWith("{")) {
                    last = JSON.readTree(response.body());
                    if (condition.test(last)) {
                        return last;
                    }
                }
            } catch (IOException e) {
                // the application is restarting
            }
            Thread.sleep(250);
        }
        throw new AssertionError("readiness never reached the expected state; last seen: " + last);
    }
}
