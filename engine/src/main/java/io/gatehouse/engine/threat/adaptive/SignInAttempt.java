package io.gatehouse.engine.threat.adaptive;

/**
 * The sign-in being assessed, as the signals see it.
 *
 * @param address     the client's address ({@code unknown} when there is none)
 * @param network     the network it lies in ({@link Networks#of})
 * @param agentFamily the browser or SDK it came from ({@link UserAgents#family})
 * @param deviceName  the {@code User-Agent} as sent, shown as the event's device
 * @param knownDevice whether the client signed in from a device the user confirmed (a DEVICE_KEY)
 * @param at          when, epoch milliseconds
 */
public record SignInAttempt(String address, String network, String agentFamily, String deviceName,
                            boolean knownDevice, long at) {
}
