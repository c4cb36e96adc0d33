package io.gatehouse.it.support;

/**
 * Secrets and codes with one character changed, for tests that must see a forgery refused. The change never lands on
 * the character already there: a fixed replacement ("x" for the first character) leaves a generated value unchanged
 * whenever it already had that character, and the test then fails on a genuine value once in sixty-odd runs.
 */
public final class Tampered {

    private Tampered() {
    }

    public static String firstCharacter(String value) {
        return other(value.charAt(0)) + value.substring(1);
    }

    public static String lastCharacter(String value) {
        int last = value.length() - 1;
        return value.substring(0, last) + other(value.charAt(last));
    }

    private static char other(char c) {
        return c == 'a' ? 'b' : 'a';
    }
}
