package io.gatehouse.engine.threat.lockout;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class AddressThrottleKeyTest {

    @Test
    void anIpv6AddressIsCountedByItsNetwork() {
        assertEquals("2001:db8:1:2:0:0:0:0/64", AddressThrottle.key("2001:db8:1:2::1", 64));
        assertEquals(AddressThrottle.key("2001:db8:1:2::1", 64), AddressThrottle.key("2001:db8:1:2:ffff::9", 64),
                "two addresses of one /64 share a bucket");
        assertNotEquals(AddressThrottle.key("2001:db8:1:2::1", 64), AddressThrottle.key("2001:db8:1:3::1", 64));
        assertEquals("2001:db8:1:0:0:0:0:0/48", AddressThrottle.key("2001:db8:1:2::1", 48));
        assertEquals("2001:db8:1:2:0:0:0:1/128", AddressThrottle.key("[2001:db8:1:2::1]", 128));
    }

    @Test
    void anIpv4AddressIsItselfAlsoWhenWrittenAsIpv6() {
        assertEquals("192.0.2.7", AddressThrottle.key("192.0.2.7", 64));
        assertEquals("192.0.2.7", AddressThrottle.key("::ffff:192.0.2.7", 64));
    }

    @Test
    void anythingElseIsKeptAsItIsOrByItsHashWhenLong() {
        assertEquals("fe80::1%eth0", AddressThrottle.key("fe80::1%eth0", 64));
        assertEquals(64, AddressThrottle.key("x".repeat(100), 64).length());
    }
}
