package io.gatehouse.bench;

import java.util.HashMap;
import java.util.Map;

/** The drivers' command lines: a command, then {@code --name value} pairs. */
final class Options {

    private Options() {
    }

    /** The pairs after the first {@code skip} arguments. */
    static Map<String, String> parse(String[] args, int skip) {
        Map<String, String> options = new HashMap<>();
        for (int i = skip; i < args.length; i += 2) {
            if (!args[i].startsWith("--") || i + 1 == args.length) {
                throw new IllegalArgumentException("expected --name value pairs, got " + String.join(" ", args));
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }

    static String require(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }
}
