package io.gatehouse.engine.threat.breach;

import io.gatehouse.engine.threat.risk.CredentialEvent;

import java.util.Optional;

/**
 * The outcome of looking for a password among breached ones at one event, for the caller to act on and for an
 * auth event to record ("compromised credentials detected").
 *
 * @param event    where the password was met
 * @param checked  whether it was looked up at all (the pool's mode and policy may skip the event)
 * @param detected whether a source knows it
 * @param blocked  whether the pool's settings refuse it (else it passes, and is only recorded)
 * @param source   the source that knew it, when detected
 */
public record CompromisedCredentialsCheck(CredentialEvent event, boolean checked, boolean detected, boolean blocked,
                                          Optional<String> source) {

    /** Not looked up. */
    public static CompromisedCredentialsCheck skipped(CredentialEvent event) {
        return new CompromisedCredentialsCheck(event, false, false, false, Optional.empty());
    }

    /** Cognito's {@code EventRiskType.CompromisedCredentialsDetected}. */
    public boolean compromisedCredentialsDetected() {
        return detected;
    }
}
