package io.gatehouse.it.fuzz;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What every answer must be, whatever was asked: below 500, and no trace of the server's insides (a Java stack
 * frame, an exception's class name, a JDBC or Liberty message). Text the request itself carried does not count, as
 * the validator rightly echoes values it refuses.
 */
final class AnswerCheck {

    private static final List<Pattern> LEAKS = List.of(
            Pattern.compile("\\bat (?:io|java|javax|jakarta|jdk|sun|com|org)\\.[\\w$.]+\\("),
            Pattern.compile("\\b(?:java|javax|jakarta|jdk|sun|io\\.gatehouse|com\\.fasterxml|com\\.ibm|com\\.nimbusds"
                    + "|org\\.(?:h2|postgresql|hibernate|eclipse|apache|flywaydb))\\.[\\w$.]*(?:Exception|Error)\\b"),
            Pattern.compile("\\.java:\\d+\\)"),
            Pattern.compile("Caused by:"),
            Pattern.compile("\\bSQLSTATE\\b|\\bSQL statement\\b|\\bJdbcSQL\\w+"),
            Pattern.compile("\\b(?:SRVE|CWWK|CWOAU|CWNEN|CWWJP|J2CA)\\d{4}[EWI]\\b"));

    private AnswerCheck() {
    }

    /** A leak of the server's insides in {@code answer} that {@code request} did not carry, if any. */
    static Optional<String> leak(String answer, String request) {
        for (Pattern leak : LEAKS) {
            Matcher m = leak.matcher(answer);
            while (m.find()) {
                if (!request.contains(m.group())) {
                    return Optional.of(m.group());
                }
            }
        }
        return Optional.empty();
    }

    /** Why an API answer is not in Cognito's form, if it is not: a refusal is a JSON object with a __type. */
    static Optional<String> notCognitoForm(int status, String body) {
        if (status == 200) {
            Optional<JsonNode> json = parse(body);
            return json.isPresent() && json.get().isObject() ? Optional.empty()
                    : Optional.of("a success whose body is not a JSON object");
        }
        Optional<JsonNode> json = parse(body);
        if (json.isEmpty() || !json.get().path("__type").isTextual() || json.get().path("__type").asText().isEmpty()) {
            return Optional.of("a refusal without a JSON body naming its __type");
        }
        return Optional.empty();
    }

    static Optional<JsonNode> parse(String body) {
        try {
            return Optional.ofNullable(ServiceShapes.JSON.readTree(body));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
