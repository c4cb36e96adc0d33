package io.gatehouse.engine.json;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Parsed settings of pools and clients, kept while their stored JSON is unchanged. Every sign-in reads its pool's
 * and client's settings; parsing them each time cost more than the database lookups that fetch them. The stored
 * text is the key's version, so a change made on any node is seen at its next read.
 */
public final class StoredSettings {

    /** Past this many entries the cache starts over, so that an unusually large deployment stays bounded. */
    private static final int MAX_ENTRIES = 10_000;

    private record Parsed(String json, JsonNode settings) {
    }

    private final Map<String, Parsed> parsed = new ConcurrentHashMap<>();

    /** {@code json} parsed, shared: callers must not change it. */
    public JsonNode parse(String key, String json) {
        Parsed cached = parsed.get(key);
        if (cached != null && cached.json().equals(json)) {
            return cached.settings();
        }
        if (parsed.size() >= MAX_ENTRIES) {
            parsed.clear();
        }
        JsonNode settings = Json.parseObject(json);
        parsed.put(key, new Parsed(json, settings));
        return settings;
    }
}
