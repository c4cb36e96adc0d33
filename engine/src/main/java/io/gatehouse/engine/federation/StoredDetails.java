package io.gatehouse.engine.federation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.engine.json.Json;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BinaryOperator;
import java.util.function.Predicate;

/**
 * {@code ProviderDetails} as {@code identity_provider.details} keeps them: a JSON object of the keys, where a key the
 * provider type marks secret holds {@code {"sealed": "gh1:..."}} instead of its value. A sealed value is bound to its
 * pool, IdP and key, so one copied to another row or key does not open; the object form tells sealed values from
 * clear ones without asking the provider type, which may have been uninstalled since.
 */
final class StoredDetails {

    /** Seals and opens one value for a context; the engine's is the data key. */
    interface Sealer {
        String seal(String plain, String context);

        String open(String sealed, String context);
    }

    private static final String SEALED = "sealed";
    /** What {@link io.gatehouse.engine.security.SealedValueException} names: table.column, then the row. */
    private static final String COLUMN = "identity_provider.details";
    private static final char SEPARATOR = '\u0000';

    private StoredDetails() {
    }

    /** The stored form of {@code details}, the keys in {@code secretKeys} sealed. */
    static String write(String userPoolId, String providerName, Map<String, String> details, Set<String> secretKeys,
                        Sealer sealer) {
        ObjectNode stored = Json.MAPPER.createObjectNode();
        new TreeMap<>(details).forEach((key, value) -> {
            if (secretKeys.contains(key)) {
                stored.putObject(key).put(SEALED, sealer.seal(value, context(userPoolId, providerName, key)));
            } else {
                stored.put(key, value);
            }
        });
        return Json.write(stored);
    }

    /** The details, sealed values opened. */
    static Map<String, String> read(String userPoolId, String providerName, String stored, Sealer sealer) {
        Map<String, String> details = new TreeMap<>();
        for (Map.Entry<String, JsonNode> entry : Json.parseObject(stored).properties()) {
            JsonNode value = entry.getValue();
            details.put(entry.getKey(), value.isObject()
                    ? sealer.open(value.path(SEALED).asText(), context(userPoolId, providerName, entry.getKey()))
                    : value.asText());
        }
        return details;
    }

    /**
     * The stored details with every sealed value brought to the current data key, or empty when each already is.
     *
     * @param current whether a sealed value is sealed with the current key
     * @param reseal  a sealed value sealed again with the current key, for its context
     */
    static Optional<String> resealed(String userPoolId, String providerName, String stored,
                                     Predicate<String> current, BinaryOperator<String> reseal) {
        ObjectNode details = Json.parseObject(stored);
        boolean changed = false;
        for (Map.Entry<String, JsonNode> entry : details.properties()) {
            String sealed = entry.getValue().path(SEALED).asText();
            if (entry.getValue().isObject() && !current.test(sealed)) {
                ((ObjectNode) entry.getValue()).put(SEALED, reseal.apply(sealed,
                        context(userPoolId, providerName, entry.getKey())));
                changed = true;
            }
        }
        return changed ? Optional.of(Json.write(details)) : Optional.empty();
    }

    /** Whether a value of the stored details is sealed otherwise than {@code current} tells (with an older key). */
    static boolean hasValueNotSealedWith(String stored, Predicate<String> current) {
        for (Map.Entry<String, JsonNode> entry : Json.parseObject(stored).properties()) {
            if (entry.getValue().isObject() && !current.test(entry.getValue().path(SEALED).asText())) {
                return true;
            }
        }
        return false;
    }

    /** The keys stored sealed. */
    static Set<String> sealedKeys(String stored) {
        Set<String> keys = new TreeSet<>();
        Json.parseObject(stored).properties().forEach(e -> {
            if (e.getValue().isObject()) {
                keys.add(e.getKey());
            }
        });
        return keys;
    }

    /** The context a value is sealed for: its column, pool, IdP and key. */
    static String context(String userPoolId, String providerName, String key) {
        return COLUMN + SEPARATOR + userPoolId + SEPARATOR + providerName + SEPARATOR + key;
    }
}
