package io.gatehouse.it.fuzz;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a fuzz run found wrong, one entry per distinct fault (kind, operation, what was seen) with the first case
 * that showed it, so one run lists every bug rather than stopping at the first.
 */
final class Findings {

    private static final int SHOWN = 40;

    private record Finding(String what, String example, int[] seen) {
    }

    private final Map<String, Finding> distinct = new LinkedHashMap<>();
    private long total;

    void add(String kind, String target, String detail, String example) {
        total++;
        String key = kind + " in " + target + ": " + FuzzFigures.normalise(detail);
        distinct.computeIfAbsent(key, k -> new Finding(k, example, new int[1])).seen()[0]++;
    }

    boolean isEmpty() {
        return distinct.isEmpty();
    }

    long total() {
        return total;
    }

    String report() {
        StringBuilder out = new StringBuilder(total + " faulty answers, " + distinct.size() + " distinct:\n");
        distinct.values().stream().limit(SHOWN).forEach(f -> out.append("- ").append(f.what()).append(" (")
                .append(f.seen()[0]).append("×)\n    first: ").append(f.example()).append('\n'));
        if (distinct.size() > SHOWN) {
            out.append("... and ").append(distinct.size() - SHOWN).append(" more\n");
        }
        return out.toString();
    }
}
