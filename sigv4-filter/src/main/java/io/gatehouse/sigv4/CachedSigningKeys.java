package io.gatehouse.sigv4;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Keeps signing keys, so that Gatehouse is asked once per credentials and day, not once per request. A key is kept
 * until its credentials expire or its day is over (a request of that day can arrive up to 15 minutes after it), and
 * a refusal (unknown or expired credentials) for a minute, so a client retrying bad credentials does not make a
 * call each time. Bounded: the least recently used entry goes first. Unavailability (503) is never kept.
 */
public final class CachedSigningKeys implements SigningKeySource {

    static final Duration REFUSAL_TTL = Duration.ofMinutes(1);

    private final SigningKeySource source;
    private final Clock clock;
    private final Map<KeyScope, Entry> entries;

    private record Entry(SigningKey key, SigV4Rejection refusal, Instant until) {
    }

    public CachedSigningKeys(SigningKeySource source, int maxEntries, Clock clock) {
        this.source = source;
        this.clock = clock;
        this.entries = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<KeyScope, Entry> eldest) {
                return size() > maxEntries;
            }
        };
    }

    @Override
    public SigningKey signingKey(KeyScope scope) {
        Instant now = clock.instant();
        Entry entry;
        synchronized (entries) {
            entry = entries.get(scope);
        }
        if (entry == null || !entry.until().isAfter(now)) {
            entry = fetch(scope, now);
        }
        if (entry.refusal() != null) {
            throw entry.refusal();
        }
        return entry.key();
    }

    /** Asks the source; concurrent first requests of one scope may each ask, which is harmless. */
    private Entry fetch(KeyScope scope, Instant now) {
        Entry entry;
        try {
            SigningKey key = source.signingKey(scope);
            Instant dayOver = LocalDate.parse(scope.date(), DateTimeFormatter.BASIC_ISO_DATE).plusDays(1)
                    .atStartOfDay().toInstant(ZoneOffset.UTC).plus(SigV4Verification.MAX_SKEW);
            entry = new Entry(key, null, key.expiresAt().isBefore(dayOver) ? key.expiresAt() : dayOver);
        } catch (SigV4Rejection e) {
            if (e.status() != 403) {
                throw e;
            }
            entry = new Entry(null, e, now.plus(REFUSAL_TTL));
        }
        synchronized (entries) {
            entries.put(scope, entry);
        }
        return entry;
    }

    /** How many entries are kept now. */
    public int size() {
        synchronized (entries) {
            return entries.size();
        }
    }
}
