package io.gatehouse.engine.threat.adaptive;

/**
 * A browser or SDK the user has never signed in with (weight 1): someone holding a stolen password uses their own
 * machine. Not a device the user confirmed (its DEVICE_KEY is proof of an earlier sign-in), and never on a first
 * sign-in. Versions are ignored, so a browser's update is not a new device.
 */
public final class NewDevice implements RiskSignal {

    @Override
    public String name() {
        return "NewDevice";
    }

    @Override
    public int weight() {
        return 1;
    }

    @Override
    public boolean fires(SignInAttempt attempt, SignInHistory history) {
        return !attempt.knownDevice() && history.hasTrusted() && history.settled().stream()
                .noneMatch(e -> e.trusted() && e.agentFamily().equals(attempt.agentFamily()));
    }
}
