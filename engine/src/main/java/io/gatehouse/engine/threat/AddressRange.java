package io.gatehouse.engine.threat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * A block of IPv4 or IPv6 addresses in CIDR notation ({@code 10.0.0.0/8}, {@code 2001:db8::/32}; a bare address is
 * a block of one). Used for the proxies whose {@code X-Forwarded-For} is believed, and for a pool's blocked and
 * skipped ranges (Cognito's {@code RiskExceptionConfiguration}). Parsing never asks DNS: only literals are taken.
 *
 * <p>Written here rather than taken from a library: it is twenty lines over {@link InetAddress}, and a library
 * would be one more jar in every deployment for them.
 *
 * @param network the block's first address, its host bits cleared
 * @param prefix  the number of leading bits that name the block
 */
public record AddressRange(byte[] network, int prefix) {

    private static final Pattern LITERAL = Pattern.compile("[0-9a-fA-F:.]+");

    public AddressRange {
        network = network.clone();
        if (network.length != 4 && network.length != 16) {
            throw new IllegalArgumentException("an address has 4 or 16 bytes");
        }
        if (prefix < 0 || prefix > network.length * 8) {
            throw new IllegalArgumentException("a prefix is 0 to " + network.length * 8 + " bits");
        }
        clearHostBits(network, prefix);
    }

    /**
     * Reads {@code 192.0.2.0/24}, {@code 2001:db8::/32} or a single address.
     *
     * @throws IllegalArgumentException when it is neither
     */
    public static AddressRange parse(String cidr) {
        String text = cidr.trim();
        int slash = text.indexOf('/');
        String address = slash < 0 ? text : text.substring(0, slash);
        byte[] bytes = literal(address);
        if (bytes == null) {
            throw new IllegalArgumentException("not an IP address range: " + cidr);
        }
        int prefix = bytes.length * 8;
        if (slash >= 0) {
            try {
                prefix = Integer.parseInt(text.substring(slash + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not an IP address range: " + cidr);
            }
        }
        return new AddressRange(bytes, prefix);
    }

    /** Whether {@code address} (a literal; anything else is outside every range) lies in this block. */
    public boolean contains(String address) {
        byte[] bytes = address == null ? null : literal(address);
        if (bytes == null) {
            return false;
        }
        if (bytes.length != network.length) {
            // An IPv4 address written as IPv6 (::ffff:192.0.2.1) is the same host.
            bytes = bytes.length == 16 && network.length == 4 && mappedIpv4(bytes)
                    ? Arrays.copyOfRange(bytes, 12, 16) : null;
            if (bytes == null) {
                return false;
            }
        }
        clearHostBits(bytes, prefix);
        return Arrays.equals(bytes, network);
    }

    @Override
    public byte[] network() {
        return network.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AddressRange r && r.prefix == prefix && Arrays.equals(r.network, network);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(network) + prefix;
    }

    @Override
    public String toString() {
        try {
            return InetAddress.getByAddress(network).getHostAddress() + "/" + prefix;
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The bytes of an address literal, or null for anything that is not one (host names, zones included). */
    public static byte[] literal(String address) {
        String a = address.trim();
        if (a.startsWith("[") && a.endsWith("]")) {
            a = a.substring(1, a.length() - 1);
        }
        if (a.isEmpty() || !LITERAL.matcher(a).matches() || (a.indexOf(':') < 0 && !ipv4(a))) {
            return null;
        }
        try {
            // Only a literal reaches here, so this parses and never looks a name up.
            return InetAddress.getByName(a).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private static boolean ipv4(String a) {
        String[] parts = a.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(Character::isDigit)
                    || Integer.parseInt(part) > 255) {
                return false;
            }
        }
        return true;
    }

    /** Whether 16 bytes are an IPv4 address written as IPv6 ({@code ::ffff:192.0.2.1}). */
    public static boolean mappedIpv4(byte[] v6) {
        for (int i = 0; i < 10; i++) {
            if (v6[i] != 0) {
                return false;
            }
        }
        return v6[10] == (byte) 0xff && v6[11] == (byte) 0xff;
    }

    private static void clearHostBits(byte[] bytes, int prefix) {
        for (int i = 0; i < bytes.length; i++) {
            int bitsKept = Math.max(0, Math.min(8, prefix - i * 8));
            bytes[i] &= (byte) (0xff << (8 - bitsKept));
        }
    }
}
