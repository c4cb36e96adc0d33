package io.gatehouse.engine.threat.risk;

/**
 * What adaptive authentication does with a sign-in at a risk level (Cognito's
 * {@code AccountTakeoverEventActionType}).
 */
public enum AccountTakeoverAction {
    /** Lets the sign-in through. */
    NO_ACTION,
    /**
     * Asks for a second factor where the user has one or can be sent or set one up (a code to their e-mail or phone,
     * an authenticator app), and lets the sign-in through where they cannot.
     */
    MFA_IF_CONFIGURED,
    /** Asks for a second factor, and refuses the sign-in of a user who has none and can be given none. */
    MFA_REQUIRED,
    /** Refuses the sign-in. */
    BLOCK;

    /** Whether the action asks for a second factor. */
    public boolean wantsMfa() {
        return this == MFA_IF_CONFIGURED || this == MFA_REQUIRED;
    }
}
