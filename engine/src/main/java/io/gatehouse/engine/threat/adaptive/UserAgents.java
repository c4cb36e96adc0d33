package io.gatehouse.engine.threat.adaptive;

import java.util.regex.Pattern;

/** The family of a {@code User-Agent}: the header without its version numbers, so an update is the same device. */
public final class UserAgents {

    private static final Pattern VERSION = Pattern.compile("[0-9]+([._][0-9A-Za-z]+)*");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final int MAX = 200;

    private UserAgents() {
    }

    /**
     * {@code Mozilla/5.0 (X11; Linux x86_64) ... Chrome/120.0.1 Safari/537.36} and the same with Chrome/121 are one
     * family; Firefox on the same machine, or an SDK, another. Empty for no header.
     */
    public static String family(String userAgent) {
        String family = SPACES.matcher(VERSION.matcher(userAgent).replaceAll("")).replaceAll(" ").strip();
        return family.length() > MAX ? family.substring(0, MAX) : family;
    }
}
