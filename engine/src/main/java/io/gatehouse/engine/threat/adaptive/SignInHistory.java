package io.gatehouse.engine.threat.adaptive;

import java.util.List;

/**
 * What the signals know before a sign-in: the user's settled auth events and latest events, newest first, and the
 * failed sign-ins from the attempt's address across all users.
 *
 * <p>The settled events (passed, or given feedback) are read apart from the latest: wrong passwords are events too,
 * and an attacker who sends enough of them would otherwise push every sign-in the user stands behind out of a
 * window of the latest, and with it what makes a device or network "new".
 *
 * @param settled             the user's recent settled events ({@link PastSignIn#settled()}), newest first, at
 *                            most {@link AuthEvents#HISTORY}: what the user's devices and networks are
 * @param recent              the user's latest events of any kind, newest first, at most {@link AuthEvents#HISTORY}:
 *                            where the account is being used from lately
 * @param failuresFromAddress failed sign-ins from the attempt's address in the last
 *                            {@link FailuresFromAddress#WINDOW}, whoever's they were, counted up to
 *                            {@link FailuresFromAddress#THRESHOLD}
 */
public record SignInHistory(List<PastSignIn> settled, List<PastSignIn> recent, long failuresFromAddress) {

    /** A user's first sign-in from a quiet address. */
    public static final SignInHistory NONE = new SignInHistory(List.of(), List.of(), 0);

    public SignInHistory {
        settled = List.copyOf(settled);
        recent = List.copyOf(recent);
        if (settled.stream().anyMatch(e -> !e.settled())) {
            throw new IllegalArgumentException("an unsettled event among the settled ones");
        }
    }

    /**
     * The history made of {@code events} (newest first) as the two reads would find it: the settled among them, and
     * all of them as the latest.
     */
    public static SignInHistory of(List<PastSignIn> events, long failuresFromAddress) {
        return new SignInHistory(events.stream().filter(PastSignIn::settled).toList(), events, failuresFromAddress);
    }

    /**
     * Whether the user has signed in before and stands behind it: without such a sign-in nothing is "new", since
     * everything is. A first sign-in is not a risk for lack of history, however many wrong passwords came before it.
     */
    public boolean hasTrusted() {
        return settled.stream().anyMatch(PastSignIn::trusted);
    }
}
