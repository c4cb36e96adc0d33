package io.gatehouse.it.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.gatehouse.it.Gatehouse;
import io.gatehouse.it.cognito.Mailbox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 29's fuzz pass over the user-pool API: every operation of the service model, round after round in a shuffled
 * order, gets requests made from its input shape (with a fixture pool's real ids, so most reach the handler) and
 * mutations of them ({@link ApiMutation}), signed with the admin credential where the model says so. Every answer
 * must be below 500, in Cognito's form and free of the server's insides; on PostgreSQL, a refused call must leave
 * every table's row count as it was. Runs for {@link FuzzRun}'s budget, and at least one round whatever the budget.
 */
class CognitoApiFuzzIT {

    /** How many cases between checks that the fixture still stands (the fuzzer deletes and breaks its parts). */
    private static final int HEAL_EVERY = 150;

    @RegisterExtension
    static final GreenMailExtension MAIL = Mailbox.smtpServer();

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
    void everyOperationWhenFedGeneratedAndMutatedRequestsThenNo5xxNoStackTraceAndNoWriteWhenRefused()
            throws Exception {
        FuzzRun run = FuzzRun.of("Cognito API fuzz", FuzzRun.API_SHARE);
        Random random = new Random(run.seed());
        ServiceShapes shapes = ServiceShapes.load();
        FuzzFixture fixture = new FuzzFixture(cognito);
        ShapeGenerator generator = new ShapeGenerator(shapes, fixture, random);
        FuzzFigures figures = new FuzzFigures("Cognito API fuzz");
        Findings findings = new Findings();

        try (WriteWatch writes = WriteWatch.open()) {
            long started = System.nanoTime();
            long deadline = started + run.budget().toNanos();
            List<ServiceShapes.Operation> round = new ArrayList<>(shapes.operations());
            int rounds = 0;
            while (rounds == 0 || System.nanoTime() < deadline) {
                Collections.shuffle(round, random);
                for (ServiceShapes.Operation operation : round) {
                    ApiMutation mutation = ApiMutation.pick(random);
                    ApiCase c = mutation.apply(new ApiMutation.Context(operation, generator, shapes, fixture, random,
                            mutation));
                    HttpResponse<String> answer = ApiWire.send(c);
                    if (answer == null) {
                        findings.add("no answer within " + ApiWire.PATIENCE.toSeconds() + " s", c.operation(), "",
                                c.describe());
                        writes.reset();
                        continue;
                    }
                    Optional<JsonNode> json = AnswerCheck.parse(answer.body());
                    String type = json.map(j -> j.path("__type").asText("")).orElse("");
                    String message = json.map(j -> j.path("message").asText("")).orElse("");
                    figures.record(c.operation(), c.mutation(), answer.statusCode(), type, message);
                    check(c, answer, type, message, findings);
                    List<String> changed = writes.afterAnswer(answer.statusCode());
                    if (!changed.isEmpty()) {
                        findings.add("a refused call (" + type + ") changed row counts", c.operation(),
                                String.join(", ", changed).replaceAll("\\d", ""), c.describe() + " → "
                                        + answer.body() + " changed " + changed);
                    }
                    if (figures.cases() % HEAL_EVERY == 0) {
                        fixture.heal();
                        MAIL.purgeEmailFromAllMailboxes();
                        writes.reset();
                    }
                }
                rounds++;
            }
            Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
            System.out.println(figures.report(elapsed) + "  rounds: " + rounds + "; " + writes.summary());
        }
        if (!findings.isEmpty()) {
            System.out.println(findings.report());
        }
        assertThat(figures.perTarget()).as("every operation of the model was called")
                .hasSize(shapes.operations().size());
        assertThat(findings.isEmpty()).as("seed %d: %s", run.seed(), findings.report()).isTrue();
    }

    private static void check(ApiCase c, HttpResponse<String> answer, String type, String message,
                              Findings findings) {
        int status = answer.statusCode();
        String example = c.describe() + " → " + status + " " + abbreviate(answer.body());
        if (status >= 500) {
            findings.add("HTTP " + status, c.operation(), type + " " + message, example);
        }
        AnswerCheck.leak(answer.body(), c.bodyText()).ifPresent(leak ->
                findings.add("server internals in the answer", c.operation(), leak, example));
        AnswerCheck.notCognitoForm(status, answer.body()).ifPresent(why ->
                findings.add(why, c.operation(), String.valueOf(status), example));
    }

    static String abbreviate(String text) {
        return text.length() > 600 ? text.substring(0, 600) + "..." : text;
    }
}
