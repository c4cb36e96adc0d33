package io.gatehouse.engine.threat.adaptive;

import io.gatehouse.engine.threat.AddressRange;
import io.gatehouse.engine.threat.ClientOrigin;

/**
 * The network an address lies in, as the signals compare them: its /24 for IPv4 and /48 for IPv6, the blocks a
 * provider commonly hands one customer or site, within which a user's address moves without meaning they moved.
 */
public final class Networks {

    private Networks() {
    }

    /** The address's network in CIDR notation, or {@link ClientOrigin#UNKNOWN_ADDRESS} for no address. */
    public static String of(String address) {
        try {
            AddressRange single = AddressRange.parse(address);
            return new AddressRange(single.network(), single.network().length == 4 ? 24 : 48).toString();
        } catch (IllegalArgumentException e) {
            return ClientOrigin.UNKNOWN_ADDRESS;
        }
    }
}
