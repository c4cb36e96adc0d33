package io.gatehouse.engine.threat.risk;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatehouse.engine.threat.AddressRange;

import java.util.ArrayList;
import java.util.List;

/**
 * A pool's address lists (Cognito's {@code RiskExceptionConfiguration}): sign-ins from a blocked range are refused
 * whatever their risk; from a skipped range, adaptive authentication takes no action (risk is still recorded).
 *
 * @param blocked the blocked ranges
 * @param skipped the ranges adaptive authentication leaves alone
 */
public record RiskExceptions(List<AddressRange> blocked, List<AddressRange> skipped) {

    public static final RiskExceptions NONE = new RiskExceptions(List.of(), List.of());

    public RiskExceptions {
        blocked = List.copyOf(blocked);
        skipped = List.copyOf(skipped);
    }

    /** Whether {@code address} lies in a blocked range. */
    public boolean blocks(String address) {
        return blocked.stream().anyMatch(r -> r.contains(address));
    }

    /** Whether {@code address} lies in a skipped range. */
    public boolean skips(String address) {
        return skipped.stream().anyMatch(r -> r.contains(address));
    }

    /**
     * Reads {@code RiskExceptionConfigurationType}.
     *
     * @throws IllegalArgumentException for a range that is not CIDR
     */
    static RiskExceptions read(JsonNode node) {
        return new RiskExceptions(ranges(node.path("BlockedIPRangeList")), ranges(node.path("SkippedIPRangeList")));
    }

    private static List<AddressRange> ranges(JsonNode list) {
        List<AddressRange> ranges = new ArrayList<>();
        list.forEach(r -> ranges.add(AddressRange.parse(r.asText())));
        return ranges;
    }
}
