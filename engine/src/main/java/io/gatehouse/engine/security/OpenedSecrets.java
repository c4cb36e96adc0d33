package io.gatehouse.engine.security;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Opened values of a sealed column, kept while the stored text is unchanged, so that the calls that read a row on
 * every request (a confidential client's sign-ins) do not decrypt its secret each time. The stored text is the
 * entry's version: sealing draws a fresh nonce, so a changed value never matches an old entry. Keyed by context,
 * which names the row.
 */
public final class OpenedSecrets {

    /** Past this many entries the cache starts over, so that an unusually large deployment stays bounded. */
    private static final int MAX_ENTRIES = 10_000;

    private record Opened(String stored, String plain) {
    }

    private final Map<String, Opened> opened = new ConcurrentHashMap<>();

    /**
     * The plain text of {@code stored}, sealed for {@code context}.
     *
     * @throws SealedValueException as {@link DataKey#openText} does
     */
    public String open(DataKey dataKey, String stored, String context) {
        Opened cached = opened.get(context);
        if (cached != null && cached.stored().equals(stored)) {
            return cached.plain();
        }
        String plain = dataKey.openText(stored, context);
        if (opened.size() >= MAX_ENTRIES) {
            opened.clear();
        }
        opened.put(context, new Opened(stored, plain));
        return plain;
    }
}
