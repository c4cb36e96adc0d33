package io.gatehouse.engine.threat.lockout;

import io.gatehouse.engine.threat.AddressRange;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The brute-force protection's settings ({@code gatehouse.lockout.*}), checked at start-up so a bad value stops
 * the server rather than leaving it unprotected.
 */
@ApplicationScoped
public class LockoutSettings {

    private final boolean enabled;
    private final LockSchedule schedule;
    private final FailureBucket bucket;
    private final List<AddressRange> exempt;
    private final int ipv6Prefix;

    @Inject
    public LockoutSettings(
            @ConfigProperty(name = "gatehouse.lockout.enabled", defaultValue = "true") boolean enabled,
            @ConfigProperty(name = "gatehouse.lockout.user.failures", defaultValue = "5") int userFailures,
            @ConfigProperty(name = "gatehouse.lockout.user.first-lock", defaultValue = "PT1S") Duration firstLock,
            @ConfigProperty(name = "gatehouse.lockout.user.max-lock", defaultValue = "PT15M") Duration maxLock,
            @ConfigProperty(name = "gatehouse.lockout.address.capacity", defaultValue = "100") int capacity,
            @ConfigProperty(name = "gatehouse.lockout.address.refill", defaultValue = "PT3S") Duration refill,
            @ConfigProperty(name = "gatehouse.lockout.address.exempt") Optional<List<String>> exempt,
            @ConfigProperty(name = "gatehouse.lockout.address.ipv6-prefix", defaultValue = "64") int ipv6Prefix) {
        this.enabled = enabled;
        if (ipv6Prefix < 1 || ipv6Prefix > 128) {
            throw new IllegalArgumentException("gatehouse.lockout.address.ipv6-prefix: 1 to 128 bits");
        }
        this.ipv6Prefix = ipv6Prefix;
        try {
            this.schedule = new LockSchedule(userFailures, firstLock, maxLock);
            this.bucket = new FailureBucket(capacity, refill);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("gatehouse.lockout: " + e.getMessage(), e);
        }
        List<AddressRange> ranges = new ArrayList<>();
        for (String range : exempt.orElse(List.of())) {
            if (!range.isBlank()) {
                try {
                    ranges.add(AddressRange.parse(range.trim()));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("gatehouse.lockout.address.exempt: " + e.getMessage(), e);
                }
            }
        }
        this.exempt = List.copyOf(ranges);
    }

    /** For CDI's proxy; never called by the application. */
    protected LockoutSettings() {
        this.enabled = false;
        this.schedule = null;
        this.bucket = null;
        this.exempt = List.of();
        this.ipv6Prefix = 128;
    }

    /** Whether the protection is on ({@code gatehouse.lockout.enabled}, on by default). */
    public boolean enabled() {
        return enabled;
    }

    /** The per-user locks. */
    public LockSchedule schedule() {
        return schedule;
    }

    /** The per-address bucket. */
    public FailureBucket bucket() {
        return bucket;
    }

    /** The bits of an IPv6 address that name the client's network, counted as one address (a /64 by default). */
    public int ipv6Prefix() {
        return ipv6Prefix;
    }

    /** Whether an address is exempt from the per-address bucket (the per-user locks still apply to it). */
    public boolean exempt(String address) {
        for (AddressRange range : exempt) {
            if (range.contains(address)) {
                return true;
            }
        }
        return false;
    }
}
