package io.gatehouse.it.cognito;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatehouse.it.Gatehouse;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the scripts of {@code src/test/node} (Cognito's JavaScript libraries, installed by the build's {@code npm ci})
 * under Node against the test server, for IdentityJsIT and IdentityJsMfaIT. A script gets the endpoint, then its
 * arguments, and prints one line of JSON last: its result, or {@code {"error": name, "message": ...}}. A script that
 * needs something only the test can get (a code sent by e-mail or SMS) prints a line {@code {"prompt": ...}} and
 * reads the answer, one line, from its standard input.
 */
public final class NodeScripts {

    private static final Path SCRIPT_DIR = Path.of("src/test/node");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long TIMEOUT_SECONDS = 60;

    /** What the test answers a script's prompt with. */
    @FunctionalInterface
    interface Answers {
        String answer(JsonNode prompt) throws Exception;
    }

    private NodeScripts() {
    }

    /** Runs {@code script} with the endpoint and {@code arguments}: its last line of output, as JSON. */
    public static JsonNode run(String script, String... arguments) throws Exception {
        return run(script, prompt -> {
            throw new AssertionError("unexpected prompt: " + prompt);
        }, arguments);
    }

    /** As {@link #run(String, String...)}, answering the script's prompts with {@code answers}. */
    static JsonNode run(String script, Answers answers, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("node", script, Gatehouse.ENDPOINT.toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).directory(SCRIPT_DIR.toFile()).redirectErrorStream(true).start();
        CompletableFuture<List<String>> output = CompletableFuture.supplyAsync(() -> converse(process, answers));
        List<String> lines;
        try {
            lines = output.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new TimeoutException();
            }
        } catch (TimeoutException e) {
            process.destroyForcibly();
            throw new AssertionError("node did not finish: " + command);
        } catch (ExecutionException e) {
            process.destroyForcibly();
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
        String all = String.join("\n", lines).strip();
        String last = all.substring(all.lastIndexOf('\n') + 1);
        assertThat(last).as("the script's output:%n%s", all).startsWith("{");
        return JSON.readTree(last);
    }

    /** Reads the script's output to its end, answering each prompt as it comes. */
    private static List<String> converse(Process process, Answers answers) {
        List<String> lines = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8)); Writer input = process.outputWriter(StandardCharsets.UTF_8)) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lines.add(line);
                if (line.startsWith("{\"prompt\"")) {
                    String answer;
                    try {
                        answer = answers.answer(JSON.readTree(line));
                    } catch (Exception e) {
                        throw new IllegalStateException("answering " + line + " after:\n" + String.join("\n", lines), e);
                    }
                    input.write(answer + "\n");
                    input.flush();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return lines;
    }
}
