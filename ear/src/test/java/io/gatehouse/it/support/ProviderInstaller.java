package io.gatehouse.it.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatehouse.it.Gatehouse;

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
 * Installs and removes provider jars on the running test server with the documented script, as an operator would,
 * and reads the outcome from {@code /health/ready}: the application restarts to pick them up, with no EAR rebuild
 * and no server restart.
 */
public final class ProviderInstaller {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration RESTART_WAIT = Duration.ofSeconds(60);
    private static final Duration SETTLED = Duration.ofSeconds(4);

    private ProviderInstaller() {
    }

    /** Copies the jar into the server's providers/ and restarts the application (without waiting for it). */
    public static void install(Path jar) throws Exception {
        script(List.of(jar.toString()));
    }

    /** Removes the jars of these file names and restarts the application (without waiting for it). */
    public static void remove(List<String> jarNames) throws Exception {
        List<String> args = new ArrayList<>(List.of("--remove"));
        args.addAll(jarNames);
        script(args);
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
    public static JsonNode providers(JsonNode readiness) {
        return check(readiness, "gatehouse-providers");
    }

    /** The data of one readiness check, or a missing node. */
    public static JsonNode check(JsonNode readiness, String name) {
        for (JsonNode check : readiness.path("checks")) {
            if (name.equals(check.path("name").asText())) {
                return check.path("data");
            }
        }
        return JSON.missingNode();
    }

    /**
     * Polls readiness until the condition holds, and has held for {@link #SETTLED}: the application restarts
     * asynchronously after the script, and Liberty sometimes restarts it twice, the second time a second or two
     * after the first (seen in a test run: two configuration updates 1.7 s apart for one change).
     */
    public static JsonNode awaitReadiness(Predicate<JsonNode> condition) throws Exception {
        Instant deadline = Instant.now().plus(RESTART_WAIT);
        JsonNode last = null;
        Instant heldSince = null;
        while (Instant.now().isBefore(deadline)) {
            boolean holds = false;
            try {
                HttpResponse<String> response = Gatehouse.HTTP.send(HttpRequest.newBuilder(
                                Gatehouse.ENDPOINT.resolve("/health/ready")).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.body().startsWith("{")) {
                    last = JSON.readTree(response.body());
                    holds = condition.test(last);
                }
            } catch (IOException e) {
                // the application is restarting
            }
            if (!holds) {
                heldSince = null;
            } else if (heldSince == null) {
                heldSince = Instant.now();
            } else if (Duration.between(heldSince, Instant.now()).compareTo(SETTLED) >= 0) {
                return last;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("readiness never reached the expected state; last seen: " + last);
    }
}
