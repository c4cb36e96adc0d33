package io.gatehouse.api.mfa;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A challenge {@link MfaMethod#issue}d to a user: the state the engine keeps until the answer comes, and the
 * parameters it sends with the challenge. Its {@link #toString()} shows the parameter names only.
 *
 * @param challengeState sealed and opaque: for a code sent by message its salted hash and expiry, never the code;
 *                       for TOTP the expiry. The engine keeps it server-side with the sign-in session and hands it
 *                       to {@link MfaMethod#verify} once per answer; after a {@link Verification.Outcome#VALID}
 *                       answer it discards it, so each challenge is answered once
 * @param parameters     Cognito's {@code ChallengeParameters} for this challenge, such as
 *                       {@value #DELIVERY_MEDIUM} and {@value #DELIVERY_DESTINATION} (masked); empty for TOTP;
 *                       copied
 */
public record IssuedChallenge(String challengeState, Map<String, String> parameters) {

    /** How the code went: {@code SMS} or {@code EMAIL}. */
    public static final String DELIVERY_MEDIUM = "CODE_DELIVERY_DELIVERY_MEDIUM";

    /** Where the code went, masked as Cognito masks it: {@code +*******1234}, {@code a***@e***}. */
    public static final String DELIVERY_DESTINATION = "CODE_DELIVERY_DESTINATION";

    public IssuedChallenge {
        Objects.requireNonNull(challengeState, "challengeState");
        parameters = Map.copyOf(parameters);
    }

    @Override
    public String toString() {
        return "IssuedChallenge[parameters=" + new TreeMap<>(parameters).keySet() + "]";
    }
}
