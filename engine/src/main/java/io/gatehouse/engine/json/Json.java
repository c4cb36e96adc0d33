package io.gatehouse.engine.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The engine's JSON settings: one configured, thread-safe mapper, and the AWS timestamp form. */
public final class Json {

    /** Thread-safe once configured; never reconfigured after this line. */
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private Json() {
    }

    /** Parses stored JSON that this engine wrote. */
    public static ObjectNode parseObject(String json) {
        try {
            return (ObjectNode) MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("stored JSON is corrupt", e);
        }
    }

    /** Parses JSON the server wrote itself (a challenge parameter, say). */
    public static JsonNode parse(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("stored JSON is corrupt", e);
        }
    }

    /** Writes a node compactly. */
    public static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A string-to-string map member (of a validated request, or as stored); a missing node is empty. */
    public static Map<String, String> stringMap(JsonNode map) {
        Map<String, String> out = new LinkedHashMap<>();
        map.properties().forEach(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }

    /** A list-of-strings member (of a validated request, or as stored); a missing node is empty. */
    public static List<String> stringList(JsonNode list) {
        List<String> out = new ArrayList<>();
        list.forEach(v -> out.add(v.asText()));
        return out;
    }

    /** A string-to-string map as a JSON object, in the map's order. */
    public static ObjectNode object(Map<String, String> map) {
        ObjectNode out = MAPPER.createObjectNode();
        map.forEach(out::put);
        return out;
    }

    /** A list of strings as a JSON array. */
    public static ArrayNode array(List<String> list) {
        ArrayNode out = MAPPER.createArrayNode();
        list.forEach(out::add);
        return out;
    }

    /** AWS JSON 1.1 timestamps: epoch seconds, with milliseconds as a fraction. */
    public static BigDecimal epochSeconds(Instant instant) {
        return BigDecimal.valueOf(instant.toEpochMilli(), 3);
    }
}
