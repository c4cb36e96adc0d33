package io.gatehouse.api.mfa;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * An enrolment begun by {@link MfaMethod#startEnrolment}: what to show the user, and the state to hand back to
 * {@link MfaMethod#completeEnrolment} with the user's first answer. Its {@link #toString()} shows neither, since
 * {@link #shown()} holds the shared secret.
 *
 * @param pendingState sealed, opaque to the engine, which keeps it until the user answers (for Cognito, with the
 *                     access token's user or in the MFA_SETUP session)
 * @param shown        what the user needs to set up the factor, by name: for TOTP {@value #SECRET_CODE} and
 *                     {@value #OTPAUTH_URI}; copied
 */
public record Enrolment(String pendingState, Map<String, String> shown) {

    /** The shared secret in base32, which AssociateSoftwareToken returns as {@code SecretCode}. */
    public static final String SECRET_CODE = "SecretCode";

    /** An {@code otpauth://totp/...} key URI that an authenticator app reads from a QR code. */
    public static final String OTPAUTH_URI = "OtpauthUri";

    public Enrolment {
        Objects.requireNonNull(pendingState, "pendingState");
        shown = Map.copyOf(shown);
    }

    @Override
    public String toString() {
        return "Enrolment[shown=" + new TreeMap<>(shown).keySet() + "]";
    }
}
