package io.gatehouse.engine.srp;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/**
 * The TIMESTAMP the client signs: {@code EEE MMM d HH:mm:ss UTC yyyy} in English, the day of the month not
 * zero-padded ({@code Tue Mar 5 09:03:07 UTC 2024}).
 */
public final class SrpTimestamp {

    public static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("EEE MMM d HH:mm:ss 'UTC' yyyy",
            Locale.US).withZone(ZoneOffset.UTC);

    private SrpTimestamp() {
    }

    public static String format(Instant instant) {
        return FORMAT.format(instant);
    }

    /** The instant a client's TIMESTAMP names, or empty when it is not in the format. */
    public static Optional<Instant> parse(String timestamp) {
        if (timestamp == null || timestamp.length() > 40) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.from(FORMAT.parse(timestamp)));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
