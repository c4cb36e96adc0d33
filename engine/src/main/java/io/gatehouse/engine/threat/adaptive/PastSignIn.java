package io.gatehouse.engine.threat.adaptive;

/**
 * One earlier auth event of the user, as the signals compare a new sign-in with it.
 *
 * @param network     the network it came from
 * @param agentFamily the browser or SDK it came from
 * @param response    {@code Pass}, {@code Fail} or {@code InProgress}
 * @param feedback    {@code Valid}, {@code Invalid}, or null when no one gave feedback
 * @param at          when, epoch milliseconds
 */
public record PastSignIn(String network, String agentFamily, String response, String feedback, long at) {

    /**
     * Whether the user stands behind this sign-in: it passed and no one disowned it, or someone said it was the
     * user's (feedback Valid, even on one that failed or was blocked).
     */
    public boolean trusted() {
        return AuthEvent.VALID.equals(feedback) || (AuthEvent.PASS.equals(response) && feedback == null);
    }

    /**
     * Whether its outcome is known for good: it passed, or someone gave feedback on it. Only these say which devices
     * and networks are the user's; a failed or unanswered attempt says nothing about who made it.
     */
    public boolean settled() {
        return AuthEvent.PASS.equals(response) || feedback != null;
    }

    /** Whether the user or an administrator said this sign-in was not the user's. */
    public boolean disowned() {
        return AuthEvent.INVALID.equals(feedback);
    }
}
