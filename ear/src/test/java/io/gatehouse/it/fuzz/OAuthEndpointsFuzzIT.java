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

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 29's fuzz pass over the OAuth endpoints and the hosted UI: each {@link OAuthTarget} in turn gets the query
 * and form a real client sends for the fixture pool, as sent or broken by an {@link OAuthMutation}; the hosted UI's
 * forms carry a CSRF token fetched from the sign-in page, most of the time. Every answer must be below 500, free of
 * the server's insides, and a refusal must be in a form a client reads: an OAuth error, our error page (or another
 * page of ours), a redirect, Cognito's {"message"} of the well-known documents, or an empty body. On PostgreSQL, a refused call must leave every table's row count as
 * it was.
 */
class OAuthEndpointsFuzzIT {

    private static final int HEAL_EVERY = 100;

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
    void everyEndpointWhenFedMutatedQueriesAndFormsThenNo5xxNoStackTraceAndNoWriteWhenRefused() throws Exception {
        FuzzRun run = FuzzRun.of("OAuth endpoints fuzz", 1 - FuzzRun.API_SHARE);
        Random random = new Random(run.seed());
        FuzzFixture fixture = new FuzzFixture(cognito);
        OAuthWire browser = new OAuthWire();
        FuzzFigures figures = new FuzzFigures("OAuth endpoints fuzz");
        Findings findings = new Findings();

        try (WriteWatch writes = WriteWatch.open()) {
            long started = System.nanoTime();
            long deadline = started + run.budget().toNanos();
            int rounds = 0;
            while (rounds == 0 || System.nanoTime() < deadline) {
                for (OAuthTarget target : OAuthTarget.values()) {
                    OAuthMutation mutation = OAuthMutation.pick(random);
                    OAuthMutation.Draft draft = new OAuthMutation.Draft(target.method(), target.path(fixture, random),
                            target.query(fixture, random), target.form(fixture, random),
                            target.headers(fixture, random));
                    if (target.csrf() && draft.form != null && random.nextInt(5) > 0) {
                        Optional<String> token = csrf(browser, fixture, random);
                        token.ifPresent(t -> draft.form.add(0, Map.entry("_csrf", t)));
                        writes.reset();
                    }
                    mutation.apply(draft, random);
                    OAuthCase c = draft.build(target.name(), mutation.name());
                    Answer answer = browser.send(c);
                    if (answer == null) {
                        findings.add("no answer within " + ApiWire.PATIENCE.toSeconds() + " s", c.endpoint(), "",
                                c.describe());
                        writes.reset();
                        continue;
                    }
                    String error = error(answer);
                    figures.record(c.endpoint(), c.mutation(), answer.status(), error, "");
                    check(c, answer, findings);
                    List<String> changed = writes.afterAnswer(answer.status());
                    if (!changed.isEmpty()) {
                        findings.add("a refused request (" + error + ") changed row counts", c.endpoint(),
                                String.join(", ", changed).replaceAll("\\d", ""), c.describe() + " → "
                                        + answer.status() + " changed " + changed);
                    }
                    if (figures.cases() % HEAL_EVERY == 0) {
                        fixture.heal();
                        browser.forgetCookies();
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
        assertThat(figures.perTarget()).as("every endpoint was called").hasSize(OAuthTarget.values().length);
        assertThat(findings.isEmpty()).as("seed %d: %s", run.seed(), findings.report()).isTrue();
    }

    /** A fresh sign-in page's CSRF token (and its cookie, which the browser keeps). */
    private static Optional<String> csrf(OAuthWire browser, FuzzFixture fixture, Random random) throws Exception {
        String query = OAuthMutation.Draft.encode(OAuthTarget.authorization(fixture, random));
        Answer page = browser.send(new OAuthCase("csrf", "GET", "/login?" + query, Map.of(), null,
                "NONE"));
        return page == null ? Optional.empty() : OAuthWire.csrf(page);
    }

    /** The answer's kind, for the figures: its OAuth error, its error page's code, or its content type. */
    private static String error(Answer answer) {
        Optional<JsonNode> json = AnswerCheck.parse(answer.body());
        if (json.isPresent() && json.get().path("error").isTextual()) {
            return json.get().path("error").asText();
        }
        String type = answer.header("Content-Type").orElse("none");
        return type.replaceAll(";.*", "") + (answer.body().contains("id=\"error\"") ? " error page" : "");
    }

    private static void check(OAuthCase c, Answer answer, Findings findings) {
        int status = answer.status();
        String body = answer.body();
        String example = c.describe() + " → " + status + " " + CognitoApiFuzzIT.abbreviate(body);
        if (status >= 500) {
            findings.add("HTTP " + status, c.endpoint(), error(answer), example);
        }
        String headers = answer.headers().toString();
        AnswerCheck.leak(body + " " + headers, c.text()).ifPresent(leak ->
                findings.add("server internals in the answer", c.endpoint(), leak, example));
        if (status >= 300 && status < 400 && answer.header("Location").isEmpty()) {
            findings.add("a redirect without a Location", c.endpoint(), String.valueOf(status), example);
        }
        if (status >= 400 && !body.isEmpty()) {
            String type = answer.header("Content-Type").orElse("");
            Optional<JsonNode> json = AnswerCheck.parse(body);
            // The well-known documents of an unknown pool answer {"message": ...}, as Cognito's do.
            boolean oauthError = json.isPresent() && (json.get().path("error").isTextual()
                    || json.get().path("__type").isTextual() || json.get().path("message").isTextual());
            boolean ourPage = type.startsWith("text/html") && body.contains("<html");
            if (!oauthError && !ourPage) {
                findings.add("a refusal in no form a client reads", c.endpoint(), status + " " + type, example);
            }
        }
    }
}
