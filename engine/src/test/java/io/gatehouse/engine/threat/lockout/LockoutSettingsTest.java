package io.gatehouse.engine.threat.lockout;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LockoutSettingsTest {

    private static LockoutSettings settings(int failures, Duration first, Duration max, int capacity,
                                            Duration refill, List<String> exempt) {
        return new LockoutSettings(true, failures, first, max, capacity, refill, Optional.of(exempt), 64);
    }

    @Test
    void exemptRangesHoldTheirAddressesOnly() {
        LockoutSettings settings = settings(5, Duration.ofSeconds(1), Duration.ofMinutes(15), 100,
                Duration.ofSeconds(3), List.of("10.0.0.0/8", " ", "::1"));
        assertTrue(settings.exempt("10.1.2.3"));
        assertTrue(settings.exempt("::1"));
        assertFalse(settings.exempt("11.0.0.1"));
        assertFalse(settings.exempt("unknown"));
    }

    @Test
    void theSettingsMakeTheScheduleAndTheBucket() {
        LockoutSettings settings = settings(3, Duration.ofSeconds(2), Duration.ofMinutes(1), 50,
                Duration.ofSeconds(1), List.of());
        assertEquals(new LockSchedule(3, Duration.ofSeconds(2), Duration.ofMinutes(1)), settings.schedule());
        assertEquals(new FailureBucket(50, Duration.ofSeconds(1)), settings.bucket());
    }

    @Test
    void aBadValueStopsTheServerNamingTheSetting() {
        IllegalArgumentException range = assertThrows(IllegalArgumentException.class, () -> settings(5,
                Duration.ofSeconds(1), Duration.ofMinutes(15), 100, Duration.ofSeconds(3), List.of("10.0.0.0/33")));
        assertTrue(range.getMessage().startsWith("gatehouse.lockout.address.exempt"), range.getMessage());
        IllegalArgumentException bucket = assertThrows(IllegalArgumentException.class, () -> settings(5,
                Duration.ofSeconds(1), Duration.ofMinutes(15), 0, Duration.ofSeconds(3), List.of()));
        assertTrue(bucket.getMessage().startsWith("gatehouse.lockout"), bucket.getMessage());
        IllegalArgumentException prefix = assertThrows(IllegalArgumentException.class, () -> new LockoutSettings(
                true, 5, Duration.ofSeconds(1), Duration.ofMinutes(15), 100, Duration.ofSeconds(3), Optional.empty(),
                129));
        assertTrue(prefix.getMessage().startsWith("gatehouse.lockout.address.ipv6-prefix"), prefix.getMessage());
    }
}
