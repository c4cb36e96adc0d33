package io.gatehouse.it.fuzz;

import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What a fuzz run did, for its note: cases run, per operation (or endpoint) and per mutation, and the distinct
 * outcomes reached. The server runs in another JVM, so there is no code coverage here; the distinct outcomes stand
 * in for it, at two grains: (operation, status, error type), and (operation, error type, message with the values
 * taken out), the message telling apart the checks within a handler that answer with the same type.
 */
final class FuzzFigures {

    private final String suite;
    private long cases;
    private final Map<String, Integer> perTarget = new TreeMap<>();
    private final Map<String, Integer> perMutation = new TreeMap<>();
    private final Set<String> outcomes = new HashSet<>();
    private final Set<String> messageOutcomes = new HashSet<>();

    FuzzFigures(String suite) {
        this.suite = suite;
    }

    void record(String target, String mutation, int status, String type, String message) {
        cases++;
        perTarget.merge(target, 1, Integer::sum);
        perMutation.merge(mutation, 1, Integer::sum);
        outcomes.add(target + " " + status + " " + type);
        messageOutcomes.add(target + " " + status + " " + type + " " + normalise(message));
    }

    long cases() {
        return cases;
    }

    Map<String, Integer> perTarget() {
        return perTarget;
    }

    /** A message with its variable parts (quoted values, numbers, ids) replaced, so one check counts once. */
    static String normalise(String message) {
        if (message == null) {
            return "";
        }
        String m = message.replaceAll("'[^']*'", "'…'").replaceAll("\\b[\\w-]+_[0-9a-zA-Z]+\\b", "ID")
                .replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "UUID")
                .replaceAll("\\d+", "0");
        return m.length() > 160 ? m.substring(0, 160) : m;
    }

    String report(Duration elapsed) {
        StringBuilder out = new StringBuilder();
        out.append(suite).append(": ").append(cases).append(" cases in ").append(elapsed.toSeconds()).append(" s (")
                .append(elapsed.isZero() ? 0 : cases * 1000 / Math.max(1, elapsed.toMillis())).append("/s), ")
                .append(perTarget.size()).append(" operations, ").append(outcomes.size())
                .append(" distinct (operation, status, __type) outcomes, ").append(messageOutcomes.size())
                .append(" distinct (operation, status, __type, message) outcomes\n");
        out.append("  per mutation: ").append(perMutation).append('\n');
        out.append("  per operation: ").append(perTarget.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", "))).append('\n');
        Map<String, Integer> byStatus = new TreeMap<>();
        outcomes.forEach(o -> byStatus.merge(o.substring(o.indexOf(' ') + 1), 1, Integer::sum));
        out.append("  outcomes by (status, __type), counted over operations: ").append(byStatus).append('\n');
        return out.toString();
    }
}
