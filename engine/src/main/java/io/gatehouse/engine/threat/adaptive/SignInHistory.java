package io.gatehouse.engine.threat.adaptive;

import java.util.List;

/**
 * What the signals know before a sign-in: the user's recent auth events, newest first, and the failed sign-ins
 * from the attempt's address across all users.
 *
 * @param events               the user's recent events, newest first (at most {@link AuthEvents#HISTORY})
 * @param failuresFromAddress  failed sign-ins from the attempt's address in the last
 *                             {@link FailuresFromAddress#WINDOW}, whoever's they were, counted up to
 *                             {@link FailuresFromAddress#THRESHOLD}
 */
public record SignInHistory(List<PastSignIn> events, long failuresFromAddress) {

    /** A user's first sign-in from a quiet address. */
    public static final SignInHistory NONE = new SignInHistory(List.of(), 0);

    public SignInHistory {
        events = List.copyOf(events);
    }

    /**
     * Whether the user has signed in before and stands behind it: without such a sign-in nothing is "new", since
     * everything is. A first sign-in is not a risk for lack of history.
     */
    public boolean hasTrusted() {
        return events.stream().anyMatch(PastSignIn::trusted);
    }
}
