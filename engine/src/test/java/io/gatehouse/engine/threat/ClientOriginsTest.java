package io.gatehouse.engine.threat;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClientOriginsTest {

    @Test
    void rangesHoldTheirAddressesOnly() {
        AddressRange ten = AddressRange.parse("10.0.0.0/8");
        assertTrue(ten.contains("10.200.3.4"));
        assertFalse(ten.contains("11.0.0.1"));
        assertTrue(ten.contains("::ffff:10.1.2.3"), "an IPv4-mapped address is the same host");
        assertFalse(ten.contains("localhost"), "names are never looked up");
        assertFalse(ten.contains("abc.def.1.2"));
        AddressRange v6 = AddressRange.parse("2001:db8::/32");
        assertTrue(v6.contains("2001:db8:ffff::1"));
        assertTrue(v6.contains("[2001:db8::7]"));
        assertFalse(v6.contains("2001:db9::1"));
        assertFalse(v6.contains("10.0.0.1"));
        assertTrue(AddressRange.parse("192.0.2.7").contains("192.0.2.7"));
        assertFalse(AddressRange.parse("192.0.2.7").contains("192.0.2.8"));
        assertTrue(AddressRange.parse("0.0.0.0/0").contains("203.0.113.9"));
        assertEquals("192.0.2.0/24", AddressRange.parse("192.0.2.77/24").toString());
        assertEquals(AddressRange.parse("192.0.2.0/24"), AddressRange.parse("192.0.2.1/24"));
    }

    @Test
    void badRangesAreRefused() {
        for (String bad : List.of("", "10.0.0.0/33", "10.0.0/8", "example.com", "10.0.0.0/x", "2001:db8::/129",
                "256.1.1.1")) {
            assertThrows(IllegalArgumentException.class, () -> AddressRange.parse(bad), bad);
        }
    }

    @Test
    void forwardedForIsIgnoredWithoutTrustedProxies() {
        ClientOrigins origins = new ClientOrigins(Optional.empty());
        assertEquals("198.51.100.1", origins.clientAddress("198.51.100.1", List.of("203.0.113.5")));
    }

    @Test
    void forwardedForIsReadThroughTrustedProxiesOnly() {
        ClientOrigins origins = new ClientOrigins(Optional.of(List.of("10.0.0.0/8", "192.0.2.1")));
        // A trusted proxy forwards the client's address.
        assertEquals("203.0.113.5", origins.clientAddress("10.1.1.1", List.of("203.0.113.5")));
        // Two trusted hops; the client put a forged entry in front, which is not believed.
        assertEquals("203.0.113.5", origins.clientAddress("10.1.1.1",
                List.of("1.2.3.4, 203.0.113.5, 192.0.2.1")));
        // Headers repeated are one list.
        assertEquals("203.0.113.5", origins.clientAddress("10.1.1.1", List.of("1.2.3.4, 203.0.113.5", "10.2.2.2")));
        // An untrusted peer's header is its own word.
        assertEquals("198.51.100.1", origins.clientAddress("198.51.100.1", List.of("203.0.113.5")));
        // Garbage stops the walk at the last good hop.
        assertEquals("10.3.3.3", origins.clientAddress("10.1.1.1", List.of("203.0.113.5, unknown, 10.3.3.3")));
        // Only proxies all the way: the farthest one is the client.
        assertEquals("10.9.9.9", origins.clientAddress("10.1.1.1", List.of("10.9.9.9")));
    }

    @Test
    void outsideARequestTheOriginIsNone() {
        assertEquals(ClientOrigin.NONE, new ClientOrigins(Optional.empty()).current());
        assertFalse(ClientOrigin.NONE.known());
    }

    @Test
    void aBadSettingStopsTheStart() {
        assertThrows(IllegalArgumentException.class, () -> new ClientOrigins(Optional.of(List.of("nonsense"))));
    }
}
